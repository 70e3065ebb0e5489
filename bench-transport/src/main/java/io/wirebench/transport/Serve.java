package io.wirebench.transport;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.serve.CallerAccessFiles;
import io.wirebench.transport.serve.ExposureOptions;
import io.wirebench.transport.serve.ServeCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Runs only the service side of a transport (the {@code orders} endpoint of the round-trip benchmarks)
 * until stopped, so the benchmark can run on another host or process against it. With no URL, the
 * transport's own managed server is started and its address printed; point the benchmark at it with
 * {@code -jvmArgsPrepend -D<property>=...}, the transport's external-address property (its provider's
 * {@code TransportProvider.ExternalAddress}: {@code natsUrl} for nats, as printed). With
 * {@code --security auth|tls} the servers started here require this run's credentials, and the files callers
 * elsewhere need are written and their paths printed ({@link CallerAccessFiles}); {@code --bind} moves the
 * listeners beyond loopback, which only a secured service may ({@link ExposureOptions}). The options every serve
 * command shares: {@link ServeCommand}.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the benchmark's 'orders' endpoint over one transport until stopped.")
public final class Serve extends ServeCommand {

    @Override
    protected AutoCloseable register(Transport transport, RpcServer server, Codec codec) {
        server.register(RoundTripBenchmark.ENDPOINT, new OrderReceiptHandler(codec));
        return () -> { };
    }

    @Override
    protected String serving() {
        return "'" + RoundTripBenchmark.ENDPOINT + "'";
    }

    static CommandLine commandLine(Serve serve) {
        return commandLine(serve, "serve");
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Serve()).execute(args));
    }
}
