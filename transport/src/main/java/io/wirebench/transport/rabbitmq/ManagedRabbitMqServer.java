package io.wirebench.transport.rabbitmq;

import io.wirebench.transport.access.BodyLimit;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.server.FreePorts;
import io.wirebench.transport.server.ManagedServer;
import io.wirebench.transport.server.Probe;
import io.wirebench.transport.server.RunCertificates;
import io.wirebench.transport.server.ServerProgram;
import io.wirebench.transport.server.ServerStartException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A private RabbitMQ node (Debian package {@code rabbitmq-server}) on 127.0.0.1 (its AMQP listener on its bind
 * address if given; distribution and epmd always on loopback): its own node name,
 * AMQP port, distribution port, data and log directories and Erlang cookie, all under its directory,
 * and its own {@code epmd} on a free port, started first as a child of this JVM so that nothing is
 * left behind as a daemon (Erlang would otherwise start a shared epmd that outlives the node). No
 * plugins. The {@code guest} user may connect over loopback, RabbitMQ's default. Ready when the AMQP
 * port answers the protocol header with a {@code connection.start} frame.
 */
public final class ManagedRabbitMqServer extends ManagedServer {
    /** RabbitMQ, from Debian's {@code rabbitmq-server}: an Erlang VM ({@code beam.smp}) and its port mapper ({@code epmd}). */
    public static final ServerProgram PROGRAM = new ServerProgram("rabbitmq-server", "rabbitmq-server",
            List.of("dpkg-query", "-W", "-f=${Version}", "rabbitmq-server"), List.of("beam.smp", "epmd"));
    private int epmdPort;
    private int distPort;

    public ManagedRabbitMqServer(Duration startTimeout) {
        super(PROGRAM, startTimeout);
    }

    public ManagedRabbitMqServer() {
        this(Duration.ofSeconds(60));
    }

    public String uri() {
        String credentials = security().authenticates() ? RunSecrets.USER + ":" + RunSecrets.password()
                : "guest:guest";
        return (security().encrypts() ? "amqps://" : "amqp://") + credentials + "@" + dialHost() + ":" + port();
    }

    @Override
    protected List<Path> binaryCandidates() {
        return List.of(Path.of("/usr/lib/rabbitmq/bin/rabbitmq-server"), Path.of("/usr/sbin/rabbitmq-server"));
    }

    @Override
    protected void beforeStart(Path directory) throws IOException {
        epmdPort = FreePorts.pick();
        distPort = FreePorts.pick();
        Path epmd = List.of(Path.of("/usr/bin/epmd"), Path.of("/usr/lib/erlang/bin/epmd")).stream()
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ServerStartException("epmd not found; it comes with the Debian package "
                        + "'rabbitmq-server' (erlang-base): run scripts/setup"));
        launch(List.of(epmd.toString(), "-port", Integer.toString(epmdPort), "-address", "127.0.0.1"),
                Map.of(), directory.resolve("epmd.log"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Probe.exchange("127.0.0.1", epmdPort, null, new byte[] {0, 1, 'n'}, 8) == null) {
            if (System.nanoTime() > deadline) {
                throw new ServerStartException("epmd did not listen on 127.0.0.1:" + epmdPort + " within 10 s");
            }
            sleep(50);
        }
    }

    @Override
    protected List<String> command(Path binary, int port, Path directory) throws IOException {
        Files.writeString(directory.resolve("rabbitmq.conf"),
                listeners(port)
                        + "max_message_size = " + (BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES) + "\n",
                StandardCharsets.UTF_8);
        Files.writeString(directory.resolve("enabled_plugins"), "[].\n", StandardCharsets.UTF_8);
        return List.of(binary.toString());
    }

    private String listeners(int port) {
        StringBuilder conf = new StringBuilder();
        if (security().encrypts()) {
            RunCertificates certificates = RunCertificates.get();
            RunCertificates.ServerIdentity identity = certificates.serverIdentity(bindAddress());
            conf.append("listeners.tcp = none\n").append("listeners.ssl.default = ").append(bindAddress().literal()).append(':').append(port).append('\n')
                    .append("ssl_options.cacertfile = ").append(certificates.caCertificate()).append('\n')
                    .append("ssl_options.certfile = ").append(identity.certificate()).append('\n')
                    .append("ssl_options.keyfile = ").append(identity.key()).append('\n')
                    .append("ssl_options.verify = verify_none\n").append("ssl_options.fail_if_no_peer_cert = false\n");
        } else {
            conf.append("listeners.tcp.default = ").append(bindAddress().literal()).append(':').append(port).append('\n');
        }
        if (security().authenticates()) {
            conf.append("default_user = ").append(RunSecrets.USER).append('\n')
                    .append("default_pass = ").append(RunSecrets.password()).append('\n');
        }
        return conf.toString();
    }

    @Override
    protected Map<String, String> environment(int port, Path directory) {
        return Map.ofEntries(
                Map.entry("HOME", directory.toString()),
                Map.entry("RABBITMQ_NODENAME", "wirebench" + port + "@localhost"),
                Map.entry("RABBITMQ_NODE_IP_ADDRESS", bindAddress().literal()),
                Map.entry("RABBITMQ_NODE_PORT", Integer.toString(port)),
                Map.entry("RABBITMQ_DIST_PORT", Integer.toString(distPort)),
                // the Erlang distribution listener (which runs code for anyone holding the cookie) binds every
                // address unless told otherwise: loopback, like the AMQP listener and epmd
                Map.entry("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-kernel inet_dist_use_interface {127,0,0,1}"),
                Map.entry("ERL_EPMD_PORT", Integer.toString(epmdPort)),
                Map.entry("ERL_EPMD_ADDRESS", "127.0.0.1"),
                Map.entry("RABBITMQ_MNESIA_BASE", directory.resolve("mnesia").toString()),
                Map.entry("RABBITMQ_LOG_BASE", directory.resolve("log").toString()),
                Map.entry("RABBITMQ_LOGS", "-"),
                Map.entry("RABBITMQ_CONFIG_FILE", directory.resolve("rabbitmq").toString()),
                Map.entry("RABBITMQ_ENABLED_PLUGINS_FILE", directory.resolve("enabled_plugins").toString()),
                Map.entry("RABBITMQ_PID_FILE", directory.resolve("rabbitmq.pid").toString()));
    }

    /** The Erlang VM ({@code beam.smp}) running the node, not the start script around it. */
    @Override
    public ProcessHandle process() {
        return processTree().stream()
                .filter(p -> p.info().command().map(c -> c.contains("beam")).orElse(false))
                .findFirst()
                .orElseGet(super::process);
    }

    @Override
    protected boolean ready(int port) {
        byte[] reply = Probe.exchange(dialHost(), port, null, new byte[] {'A', 'M', 'Q', 'P', 0, 0, 9, 1}, 16, security().encrypts());
        // frame type 1 (method), channel 0, then class 10 (connection) method 10 (start) after the size
        return reply != null && reply.length >= 7 && reply[0] == 1 && reply[1] == 0 && reply[2] == 0;
    }
}
