package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.nats.ManagedNatsServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The service side alone, against an external NATS server, answers a client of another transport instance. */
class ServeTest {

    @Test
    void servesOrdersForAClientElsewhere() throws Exception {
        try (ManagedNatsServer nats = new ManagedNatsServer()) {
            nats.start();
            CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> new CommandLine(new Serve())
                    .execute("--transport", "nats", "--url", nats.url(), "--seconds", "6"));
            Codec json = Codecs.byName("json");
            Order order = new PayloadGenerator(5).order(Shape.SMALL);
            try (Transport remote = Transports.byName("nats", new TransportSettings(Duration.ofSeconds(2), 1, nats.url()));
                 RpcClient client = remote.newClient()) {
                OrderReceipt receipt = null;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (receipt == null && System.nanoTime() < deadline) {
                    try {
                        receipt = json.decode(client.request(RoundTripBenchmark.ENDPOINT, json.encode(order)), OrderReceipt.class);
                    } catch (RpcException notServingYet) {
                        Thread.sleep(100);
                    }
                }
                assertEquals(OrderReceipt.of(order), receipt);
            }
            assertEquals(0, serving.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void anUnknownTransportIsAClearError() {
        CommandLine cli = new CommandLine(new Serve());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            assertTrue(e.getMessage().contains("valid transports: nats, nats-cluster, http"), e.getMessage());
            return 2;
        });
        assertEquals(2, cli.execute("--transport", "carrier-pigeon"));
    }
}
