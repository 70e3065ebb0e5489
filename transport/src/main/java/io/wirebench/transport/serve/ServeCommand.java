package io.wirebench.transport.serve;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.Transports;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * What every serve command shares ({@code scripts/serve}, {@code scripts/serve-scenarios}): the transport and its
 * options, the codec, how long to serve, how the service is exposed ({@link ExposureOptions}), what it prints for
 * its callers, and how it stops ({@link StopSignal}). A command adds only its handlers ({@link #register}).
 */
public abstract class ServeCommand implements Callable<Integer> {

    @Option(names = "--transport", required = true, completionCandidates = Transports.Names.class, description = "one of: ${COMPLETION-CANDIDATES}")
    protected String transport;

    @Option(names = "--url", description = "an existing server, as a URL of the transport's own scheme (nats://, amqp://, ...); default: start a managed one here")
    protected String url;

    @Option(names = "--codec", defaultValue = "json", description = "must match the callers' codec (default: ${DEFAULT-VALUE})")
    protected String codec;

    @Option(names = "--responders", defaultValue = "8", description = "handler threads per endpoint (default: ${DEFAULT-VALUE})")
    protected int responders;

    @Option(names = "--seconds", defaultValue = "0", description = "stop after this many seconds (0: until Ctrl-C)")
    protected long seconds;

    @Option(names = "--stop-when-input-ends", description = "also stop when standard input ends: a process that started this one as its"
            + " service holds it open, so the service ends with it even when it is killed")
    protected boolean stopWhenInputEnds;

    @Mixin
    protected ExposureOptions exposure;

    @Spec
    protected CommandLine.Model.CommandSpec spec;

    private final StopSignal stopped = new StopSignal();

    /**
     * Registers this command's handlers on {@code server} of {@code transport}; what it returns (clients, validators
     * the handlers use) is closed when serving ends, before the server.
     */
    protected abstract AutoCloseable register(Transport transport, RpcServer server, Codec codec) throws Exception;

    /** What is served, for the line that says so ("'orders'", "[gateway, payment]"). */
    protected abstract String serving();

    /** Ends the serving (as Ctrl-C does), for a caller that runs this command in its own JVM. */
    public void stop() {
        stopped.stop();
    }

    @Override
    public Integer call() throws Exception {
        TransportSettings settings = exposure.applyTo(new TransportSettings(TransportSettings.DEFAULT_TIMEOUT, responders, url), url);
        PrintWriter out = spec.commandLine().getOut();
        try (Transport impl = Transports.byName(transport, settings);
             RpcServer server = impl.newServer();
             CallerAccessFiles access = CallerAccessFiles.write(url == null ? settings.security() : Security.NONE);
             AutoCloseable handlers = register(impl, server, Codecs.byName(codec))) {
            exposure.print(out, impl, url, access);
            out.println("serving " + serving() + " with codec " + codec + (seconds > 0 ? " for " + seconds + " s" : "; Ctrl-C to stop"));
            out.flush();
            if (stopWhenInputEnds) {
                Thread watcher = new Thread(() -> {
                    try {
                        while (System.in.read() >= 0) {
                            // the parent writes nothing; end of input is the signal
                        }
                    } catch (IOException e) {
                        // closed: the same signal
                    }
                    stopped.stop();
                }, "serve-input-watch");
                watcher.setDaemon(true);
                watcher.start();
            }
            stopped.await(seconds);
        }
        return 0;
    }

    /** The command line for {@code command} named {@code name}: a failure prints one line, masked, and exits with 2. */
    public static CommandLine commandLine(ServeCommand command, String name) {
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println(name + ": " + RunSecrets.mask(e.getMessage()));
            return 2;
        });
        return cli;
    }
}
