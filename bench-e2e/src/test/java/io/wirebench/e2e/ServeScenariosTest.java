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
import io.wirebench.transport.RemoteCredentials;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.nats.ManagedNatsServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The order pipeline spread over two service sides (as two processes would be) on one NATS server. */
class ServeScenariosTest {

    private static CommandLine cli() {
        return ServeScenarios.commandLine(new ServeScenarios());
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

    /**
     * The whole pipeline behind HTTPS on an address beyond loopback (the wildcard if the host has none): a caller
     * holding only the printed secret file and authority places an order at the printed URL.
     */
    @Test
    void aSecuredPipelineBeyondLoopbackTakesOrdersFromCallersHoldingItsFiles() throws Exception {
        String bind = BindAddress.hostAddresses().stream().map(java.net.InetAddress::getHostAddress).findFirst().orElse("0.0.0.0");
        ServeScenarios serve = new ServeScenarios();
        StringWriter out = new StringWriter();
        CommandLine cli = ServeScenarios.commandLine(serve);
        cli.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() -> cli.execute("--transport", "http", "--security", "tls",
                "--bind", bind, "--payment-failure-rate", "0", "--seconds", "120"));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!out.toString().contains("serving ") && !serving.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            String text = out.toString();
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("(?m)^callers' url: (\\S+)").matcher(text);
            java.util.regex.Matcher secret = java.util.regex.Pattern.compile("(?m)^secret file: (\\S+)").matcher(text);
            java.util.regex.Matcher authority = java.util.regex.Pattern.compile("(?m)^authority: (\\S+)").matcher(text);
            assertTrue(url.find() && secret.find() && authority.find(), "serve-scenarios prints the URL and the callers' files: " + text);
            assertTrue(url.group(1).startsWith("https://" + BindAddress.parse(bind).dialHost() + ":"), text);
            TransportSettings caller = new TransportSettings(Duration.ofSeconds(5), 1, url.group(1), Security.TLS)
                    .withRemote(new RemoteCredentials(Path.of(secret.group(1)), Path.of(authority.group(1))));
            try (Transport remote = Transports.byName("http", caller); RpcClient client = remote.newClient()) {
                OrderOutcome outcome = new OrderClient(client, Codecs.byName("json"), StageClock.OFF)
                        .submit(new PayloadGenerator(4).order(Shape.SMALL).withId(new OrderIds(5).next()));
                assertEquals(OrderStatus.ACCEPTED, outcome.status(), String.valueOf(outcome));
            }
        } finally {
            serve.stop();
        }
        assertEquals(0, serving.get(60, TimeUnit.SECONDS), out.toString());
    }

    @Test
    void aBindBeyondLoopbackWithoutCredentialsIsRefused() {
        CommandLine cli = cli();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("--transport", "http", "--bind", "0.0.0.0", "--seconds", "1"));
        assertTrue(err.toString().contains("beyond loopback"), err.toString());
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
