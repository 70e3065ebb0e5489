package io.wirebench.transport;

import io.wirebench.schemas.codec.Codecs;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs only the service side of a transport (the {@code orders} endpoint of the round-trip benchmarks)
 * until stopped, so the benchmark can run on another host or process against it. With no URL, the
 * transport's own managed server is started and its address printed; point the benchmark at it with
 * {@code -jvmArgsAppend -DnatsUrl=...} (or {@code redisUrl}, {@code amqpUri}, {@code httpUrl}). With
 * {@code --security auth|tls} the servers started here require this run's credentials, and the files callers
 * elsewhere need are written and their paths printed ({@link CallerAccessFiles}); {@code --bind} moves the
 * listeners beyond loopback, which only a secured service may ({@link ExposureOptions}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the benchmark's 'orders' endpoint over one transport until stopped.")
public final class Serve implements Callable<Integer> {

    @Option(names = "--transport", required = true, completionCandidates = Transports.Names.class, description = "one of: ${COMPLETION-CANDIDATES}")
    String transport;

    @Option(names = "--url", description = "an existing broker (nats://, redis://, amqp://); default: start a managed one here")
    String url;

    @Option(names = "--codec", defaultValue = "json", description = "json, smile or kryo: must match the benchmark's codec")
    String codec;

    @Option(names = "--responders", defaultValue = "8", description = "responder threads")
    int responders;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: until Ctrl-C)")
    long seconds;

    @Mixin
    ExposureOptions exposure;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final StopSignal stopped = new StopSignal();

    /** Ends the serving (as Ctrl-C does), for a caller that runs this command in its own JVM. */
    void stop() {
        stopped.stop();
    }

    @Override
    public Integer call() throws Exception {
        TransportSettings settings = exposure.applyTo(new TransportSettings(TransportSettings.DEFAULT_TIMEOUT, responders, url), url);
        java.io.PrintWriter out = spec.commandLine().getOut();
        try (Transport impl = Transports.byName(transport, settings); RpcServer server = impl.newServer();
             CallerAccessFiles access = CallerAccessFiles.write(url == null ? settings.security() : Security.NONE)) {
            server.register(RoundTripBenchmark.ENDPOINT, new OrderReceiptHandler(Codecs.byName(codec)));
            exposure.print(out, impl, url, access);
            out.println("serving '" + RoundTripBenchmark.ENDPOINT + "' with codec " + codec
                    + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C to stop"));
            out.flush();
            stopped.await(seconds);
        }
        return 0;
    }

    /** The command line for {@code serve}: a failure prints one line, masked, and exits with 2. */
    static CommandLine commandLine(Serve serve) {
        CommandLine cli = new CommandLine(serve);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("serve: " + RunSecrets.mask(e.getMessage()));
            return 2;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Serve()).execute(args));
    }

}
