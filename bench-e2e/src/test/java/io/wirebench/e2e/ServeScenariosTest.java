package io.wirebench.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.e2e.orders.OrderClient;
import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import io.wirebench.transport.server.ManagedNatsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The order pipeline spread over two service sides (as two processes would be) on one NATS server. */
class ServeScenariosTest {

    private static CommandLine cli() {
        return new CommandLine(new ServeScenarios()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Test
    void aGatewayInOnePlaceReachesPaymentInventoryAndValidationInAnother() throws Exception {
        try (ManagedNatsServer nats = new ManagedNatsServer()) {
            nats.start();
            CompletableFuture<Integer> backend = CompletableFuture.supplyAsync(() -> cli().execute("--transport", "nats", "--url", nats.url(),
                    "--services", "validation,inventory,payment", "--payment-failure-rate", "0", "--seconds", "8"));
            CompletableFuture<Integer> gateway = CompletableFuture.supplyAsync(() -> cli().execute("--transport", "nats", "--url", nats.url(),
                    "--services", "gateway", "--seconds", "8"));
            Codec json = Codecs.byName("json");
            try (Transport remote = Transports.byName("nats", new TransportSettings(Duration.ofSeconds(2), 1, nats.url()));
                 RpcClient client = remote.newClient()) {
                OrderClient caller = new OrderClient(client, json, StageClock.OFF);
                OrderOutcome outcome = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                OrderIds ids = new OrderIds(3);
                while (outcome == null && System.nanoTime() < deadline) {
                    try {
                        outcome = caller.submit(new PayloadGenerator(4).order(Shape.SMALL).withId(ids.next()));
                    } catch (RpcException notServingYet) {
                        Thread.sleep(100);
                    }
                }
                assertEquals(OrderStatus.ACCEPTED, outcome == null ? null : outcome.status(), String.valueOf(outcome));
            }
            assertEquals(0, backend.get(30, TimeUnit.SECONDS));
            assertEquals(0, gateway.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnknownServiceIsAClearError() {
        CommandLine cli = cli();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertEquals(2, cli.execute("--transport", "nats", "--services", "gateway,teleporter"));
        assertTrue(err.toString().contains("teleporter"), err.toString());
    }
}
