package io.wirebench.transport.nats;

import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.server.ManagedServer;
import io.wirebench.transport.server.Probe;
import io.wirebench.transport.server.RunCertificates;
import io.wirebench.transport.server.ServerProgram;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A private {@code nats-server} (Debian package {@code nats-server}) on 127.0.0.1 (or its bind address; routes stay on loopback). Ready when it answers
 * {@code CONNECT} + {@code PING} with {@code PONG}. The configuration file it writes raises
 * {@code max_payload} to 8 MB, so the {@code huge} order (about 1 MB in JSON) fits; everything else is
 * the server's default. {@link #routeTo} joins it to a cluster over loopback routes.
 */
public final class ManagedNatsServer extends ManagedServer {
    /** {@code nats-server}, from Debian's package of that name. */
    public static final ServerProgram PROGRAM = new ServerProgram("nats-server", "nats-server", List.of("nats-server", "--version"),
            List.of("nats-server"));
    private final List<Integer> routes = new ArrayList<>();
    private int clusterPort;

    public ManagedNatsServer(Duration startTimeout) {
        super(PROGRAM, startTimeout);
    }

    public ManagedNatsServer() {
        this(Duration.ofSeconds(20));
    }

    /** Before {@link #start()}: listen for cluster routes and connect to the given cluster ports. */
    public ManagedNatsServer clustered(int clusterPort, List<Integer> routeTo) {
        this.clusterPort = clusterPort;
        this.routes.addAll(routeTo);
        return this;
    }

    public String url() {
        return "nats://" + dialHost() + ":" + port();
    }

    @Override
    protected List<Path> binaryCandidates() {
        return List.of(Path.of("/usr/sbin/nats-server"), Path.of("/usr/bin/nats-server"), Path.of("/usr/local/bin/nats-server"));
    }

    @Override
    protected List<String> command(Path binary, int port, Path directory) throws IOException {
        StringBuilder config = new StringBuilder()
                .append("host: ").append(bindAddress().literal()).append('\n')
                .append("port: ").append(port).append('\n')
                .append("max_payload: 8MB\n")
                .append("server_name: wirebench-").append(port).append('\n');
        if (security().authenticates()) {
            config.append("authorization {\n  token: \"").append(RunSecrets.password()).append("\"\n}\n");
        }
        if (security().encrypts()) {
            RunCertificates.ServerIdentity identity = RunCertificates.get().serverIdentity(bindAddress());
            config.append("tls {\n  cert_file: \"").append(identity.certificate()).append("\"\n  key_file: \"")
                    .append(identity.key()).append("\"\n  timeout: 2\n}\n");
        }
        if (clusterPort > 0) {
            config.append("cluster {\n  name: wirebench\n  host: 127.0.0.1\n  port: ").append(clusterPort).append('\n');
            if (!routes.isEmpty()) {
                config.append("  routes: [");
                for (int i = 0; i < routes.size(); i++) {
                    config.append(i == 0 ? "" : ", ").append("nats-route://127.0.0.1:").append(routes.get(i));
                }
                config.append("]\n");
            }
            config.append("}\n");
        }
        Path file = Files.writeString(directory.resolve("nats-server.conf"), config, StandardCharsets.UTF_8);
        return List.of(binary.toString(), "-c", file.toString());
    }

    @Override
    protected boolean ready(int port) {
        if (security().encrypts()) {
            // the INFO line comes before the TLS handshake; a server that asks for TLS in it is listening and ready
            byte[] info = Probe.exchange(dialHost(), port, null, new byte[0], 4096);
            return Probe.text(info).startsWith("INFO ") && Probe.text(info).contains("\"tls_required\":true");
        }
        String token = security().authenticates() ? ",\"auth_token\":\"" + RunSecrets.password() + "\"" : "";
        byte[] reply = Probe.exchange(dialHost(), port, "\r\n".getBytes(StandardCharsets.US_ASCII),
                ("CONNECT {\"verbose\":false,\"pedantic\":false" + token + "}\r\nPING\r\n").getBytes(StandardCharsets.US_ASCII), 64);
        return Probe.text(reply).startsWith("PONG");
    }
}
