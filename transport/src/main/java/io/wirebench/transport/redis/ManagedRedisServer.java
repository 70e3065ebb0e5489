package io.wirebench.transport.redis;

import io.wirebench.transport.access.BodyLimit;
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
 * A private {@code redis-server} (Debian package {@code redis-server}) on 127.0.0.1 (or its bind address), no persistence
 * (no RDB snapshots, no AOF: the suite measures the RPC, not the disk), protected mode on, the largest
 * bulk string the request body limit ({@code BodyLimit}) plus the envelope. Ready when
 * {@code PING} answers {@code +PONG}.
 */
public final class ManagedRedisServer extends ManagedServer {
    /** {@code redis-server}, from Debian's package of that name (which brings redis-benchmark with redis-tools). */
    public static final ServerProgram PROGRAM = new ServerProgram("redis-server", "redis-server", List.of("redis-server", "--version"),
            List.of("redis-server"));

    public ManagedRedisServer(Duration startTimeout) {
        super(PROGRAM, startTimeout);
    }

    public ManagedRedisServer() {
        this(Duration.ofSeconds(20));
    }

    public String url() {
        String credentials = security().authenticates() ? ":" + RunSecrets.password() + "@" : "";
        return (security().encrypts() ? "rediss://" : "redis://") + credentials + dialHost() + ":" + port();
    }

    @Override
    public List<Path> binaryCandidates() {
        return List.of(Path.of("/usr/bin/redis-server"), Path.of("/usr/sbin/redis-server"), Path.of("/usr/local/bin/redis-server"));
    }

    @Override
    protected List<String> command(Path binary, int port, Path directory) throws IOException {
        // a configuration file first (in the private directory): the password must not show in the process list
        Path config = Files.writeString(directory.resolve("redis.conf"),
                security().authenticates() ? "requirepass " + RunSecrets.password() + "\n" : "");
        List<String> command = new ArrayList<>(List.of(binary.toString(), config.toString(), "--bind", bindAddress().literal()));
        if (security().encrypts()) {
            RunCertificates certificates = RunCertificates.get();
            RunCertificates.ServerIdentity identity = certificates.serverIdentity(bindAddress());
            command.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port), "--tls-cert-file", identity.certificate().toString(),
                    "--tls-key-file", identity.key().toString(), "--tls-ca-cert-file", certificates.caCertificate().toString(),
                    "--tls-auth-clients", "no"));
        } else {
            command.addAll(List.of("--port", Integer.toString(port)));
        }
        command.addAll(List.of(
                "--dir", directory.toString(), "--save", "", "--appendonly", "no", "--protected-mode", "yes",
                "--daemonize", "no", "--logfile", "",
                // the request body limit (with room for the envelope); redis-server refuses less than 1 MB
                "--proto-max-bulk-len", Long.toString(Math.max(1L << 20, BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES))));
        return command;
    }

    @Override
    protected boolean ready(int port) {
        if (security().authenticates()) {
            String auth = "AUTH " + RunSecrets.password() + "\r\n";
            return Probe.text(Probe.exchange(dialHost(), port, null, auth.getBytes(StandardCharsets.US_ASCII), 16, security().encrypts())).startsWith("+OK");
        }
        return Probe.text(Probe.exchange(dialHost(), port, null, "PING\r\n".getBytes(StandardCharsets.US_ASCII), 16)).startsWith("+PONG");
    }
}
