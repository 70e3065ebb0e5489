package io.wirebench.transport;

import io.wirebench.schemas.codec.Codecs;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs only the service side of a transport (the {@code orders} endpoint of the round-trip benchmarks)
 * until stopped, so the benchmark can run on another host or process against it. With no URL, the
 * transport's own managed server is started and its address printed; point the benchmark at it with
 * {@code -jvmArgsAppend -DnatsUrl=...} (or {@code redisUrl}, {@code amqpUri}, {@code httpUrl}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the benchmark's 'orders' endpoint over one transport until stopped.")
public final class Serve implements Callable<Integer> {

    @Option(names = "--transport", required = true, description = "nats, nats-cluster, http, redis or rabbitmq")
    String transport;

    @Option(names = "--url", description = "an existing broker (nats://, redis://, amqp://); default: start a managed one here")
    String url;

    @Option(names = "--codec", defaultValue = "json", description = "json, smile or kryo: must match the benchmark's codec")
    String codec;

    @Option(names = "--responders", defaultValue = "8", description = "responder threads")
    int responders;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: until Ctrl-C)")
    long seconds;

    @Override
    public Integer call() throws Exception {
        TransportSettings settings = new TransportSettings(TransportSettings.DEFAULT_TIMEOUT, responders, url);
        CountDownLatch stopped = new CountDownLatch(1);
        try (Transport impl = Transports.byName(transport, settings); RpcServer server = impl.newServer()) {
            server.register(RoundTripBenchmark.ENDPOINT, new OrderReceiptHandler(Codecs.byName(codec)));
            for (Map.Entry<String, String> entry : impl.describe().entrySet()) {
                System.out.println(entry.getKey() + ": " + entry.getValue());
            }
            System.out.println("serving '" + RoundTripBenchmark.ENDPOINT + "' with codec " + codec
                    + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C to stop"));
            System.out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            if (seconds > 0) {
                stopped.await(seconds, java.util.concurrent.TimeUnit.SECONDS);
            } else {
                stopped.await();
            }
        }
        return 0;
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Serve());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("serve: " + e.getMessage());
            return 2;
        });
        System.exit(cli.execute(args));
    }

}
