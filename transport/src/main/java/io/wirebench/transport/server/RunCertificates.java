package io.wirebench.transport.server;

import io.wirebench.transport.access.BindAddress;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A certificate authority and a server certificate for 127.0.0.1 and localhost (and, for a listener bound beyond
 * loopback, one that also names its address: {@link #serverIdentity}), made for this run with
 * {@code openssl} (Debian package {@code openssl}) into a temporary folder readable by this user only,
 * deleted when the JVM exits: P-256 keys, valid two days. The managed servers read the PEM files; the
 * Java clients get an {@link SSLContext} that trusts this authority and nothing else and checks the host name; the HTTPS service a
 * PKCS#12 key store. Made once per JVM, on first use.
 */
public final class RunCertificates {
    private static RunCertificates instance;

    private final Path dir;
    private final char[] storePassword;

    private RunCertificates(Path dir, char[] storePassword) {
        this.dir = dir;
        this.storePassword = storePassword;
    }

    public static synchronized RunCertificates get() {
        if (instance == null) {
            instance = make();
        }
        return instance;
    }

    public Path caCertificate() {
        return dir.resolve("ca.pem");
    }

    public Path serverCertificate() {
        return dir.resolve("server.pem");
    }

    public Path serverKey() {
        return dir.resolve("server.key");
    }

    /** The server's key and certificate chain, PKCS#12, protected by {@link #storePassword()}. */
    public Path serverKeyStore() {
        return dir.resolve("server.p12");
    }

    public String storePassword() {
        return new String(storePassword);
    }

    /**
     * TLS for a client: trusts this run's authority only and checks that the certificate names the host dialled
     * ({@link HostNameCheckingContext}); made once, shared: an {@code SSLContext} is thread-safe.
     */
    public SSLContext clientContext() {
        return trusting(caCertificate());
    }

    /** A server's key, its certificate and both as a PKCS#12 store (password {@link #storePassword()}). */
    public record ServerIdentity(Path certificate, Path key, Path keyStore) {
    }

    private final Map<String, ServerIdentity> identities = new HashMap<>();

    /**
     * The server certificate for a listener bound to {@code bind}: on loopback the run's own (127.0.0.1, localhost);
     * beyond it, one that also names that address, or for the wildcard every address of the host and its name,
     * so that callers elsewhere can check the name they dial. Made once per address.
     */
    public synchronized ServerIdentity serverIdentity(BindAddress bind) {
        if (bind.isLoopback()) {
            return new ServerIdentity(serverCertificate(), serverKey(), serverKeyStore());
        }
        return identities.computeIfAbsent(bind.literal(), literal -> {
            StringBuilder names = new StringBuilder("IP:127.0.0.1,DNS:localhost");
            List<InetAddress> addresses = bind.isWildcard() ? BindAddress.hostAddresses() : List.of(bind.address());
            addresses.forEach(a -> names.append(",IP:").append(a.getHostAddress()));
            if (bind.isWildcard()) {
                hostName().ifPresent(name -> names.append(",DNS:").append(name));
            }
            String name = "server-" + literal;
            Path store = issueServerCertificate(dir, name, "wirebench " + literal, names.toString(), storePassword);
            return new ServerIdentity(dir.resolve(name + ".pem"), dir.resolve(name + ".key"), store);
        });
    }

    private static Optional<String> hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.matches("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?") ? Optional.of(name) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private Path anotherNameKeyStore;

    /**
     * A PKCS#12 key store (password {@link #storePassword()}) with a certificate this run's authority signed for
     * another name ({@code elsewhere.invalid}, no IP): trusted, but wrong for 127.0.0.1, so every client must
     * refuse it. For the tests that show they do.
     */
    public synchronized Path anotherNameKeyStore() {
        if (anotherNameKeyStore == null) {
            anotherNameKeyStore = issueServerCertificate(dir, "elsewhere", "elsewhere.invalid", "DNS:elsewhere.invalid", storePassword);
        }
        return anotherNameKeyStore;
    }

    /**
     * A P-256 key and a server certificate for {@code subjectAltName}, signed by this run's authority, as
     * {@code <name>.key}, {@code <name>.pem} and a PKCS#12 store {@code <name>.p12} (returned) with the chain.
     */
    private static Path issueServerCertificate(Path dir, String name, String commonName, String subjectAltName, char[] password) {
        String o = openssl().toString();
        try {
            Files.writeString(dir.resolve(name + ".ext"), "basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth\nsubjectAltName=" + subjectAltName + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ServerStartException("cannot write " + dir.resolve(name + ".ext") + ": " + e.getMessage(), e);
        }
        run(dir, List.of(o, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", name + ".key",
                "-out", name + ".csr", "-subj", "/CN=" + commonName));
        run(dir, List.of(o, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext"));
        run(dir, List.of(o, "pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key", "-certfile", "ca.pem", "-name", "server",
                "-out", name + ".p12", "-passout", "pass:" + new String(password)));
        return dir.resolve(name + ".p12");
    }

    private static Path openssl() {
        return Stream.of(Path.of("/usr/bin/openssl"), Path.of("/bin/openssl"), Path.of("/usr/local/bin/openssl"))
                .filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new ServerStartException("openssl not found: TLS needs it to make this run's certificates;"
                        + " it comes with the Debian package 'openssl' (scripts/setup installs it)"));
    }

    private static final Map<Path, SSLContext> TRUSTING = new ConcurrentHashMap<>();

    /**
     * TLS for a client of a server this JVM did not start: trusts the authority in the PEM file {@code authority}
     * (a copy of the serving side's {@code ca.pem}) and nothing else, and checks the host name; one per file.
     */
    public static SSLContext trusting(Path authority) {
        return TRUSTING.computeIfAbsent(authority.toAbsolutePath().normalize(), ca -> new HostNameCheckingContext(trustOnly(ca)));
    }

    private static SSLContext trustOnly(Path authority) {
        try (InputStream in = Files.newInputStream(authority)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("wirebench-run-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ServerStartException("cannot load the certificate authority " + authority + " (a PEM certificate): " + e.getMessage(), e);
        }
    }

    private static RunCertificates make() {
        Path openssl = openssl();
        Path dir;
        try {
            dir = Files.createTempDirectory("wirebench-tls-", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new ServerStartException("cannot make a folder for this run's certificates: " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir), "wirebench-tls-cleanup"));
        char[] password = randomPassword();
        String o = openssl.toString();
        run(dir, List.of(o, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key",
                "-out", "ca.pem", "-days", "2", "-subj", "/CN=wirebench run CA", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        issueServerCertificate(dir, "server", "localhost", "IP:127.0.0.1,DNS:localhost", password);
        return new RunCertificates(dir, password);
    }

    private static void run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("openssl.log").toFile()).start();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new ServerStartException("openssl " + command.get(1) + " did not finish within 30 s");
            }
            if (process.exitValue() != 0) {
                throw new ServerStartException("openssl " + command.get(1) + " failed (exit " + process.exitValue() + "): "
                        + Files.readString(dir.resolve("openssl.log")).strip());
            }
        } catch (IOException e) {
            throw new ServerStartException("cannot run openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted making certificates", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit; the folder is the user's own, in the temporary directory
        }
    }

    /** The key store's password: random per run, like the credentials. */
    private static char[] randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toCharArray();
    }
}
