package io.wirebench.transport;

import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.RunCertificates;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What every transport is configured with: the per-request timeout, how many threads run a server's
 * handlers ({@code responders}: the same for every transport, Jetty included, so service concurrency is
 * equal; a transport's I/O threads are its own), an external address to use instead of a managed server
 * ({@code natsUrl}, {@code redisUrl}, {@code amqpUri}, {@code httpUrl}; null means start one here), the
 * {@link Security} of the connections, where the servers started here listen ({@link BindAddress}: loopback
 * unless asked, and beyond it only with credentials), and the {@link RemoteCredentials} that callers of a
 * secured external server present.
 */
public record TransportSettings(Duration timeout, int responderThreads, String externalUrl, Security security, BindAddress bind,
                                RemoteCredentials remote) {

    public TransportSettings {
        security = security == null ? Security.NONE : security;
        bind = bind == null ? BindAddress.LOOPBACK : bind;
        bind.requireProtectedBy(security);
    }

    public TransportSettings(Duration timeout, int responderThreads, String externalUrl, Security security) {
        this(timeout, responderThreads, externalUrl, security, BindAddress.LOOPBACK, null);
    }

    /** Without authentication or TLS ({@link Security#NONE}). */
    public TransportSettings(Duration timeout, int responderThreads, String externalUrl) {
        this(timeout, responderThreads, externalUrl, Security.NONE);
    }

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RESPONDERS = 8;

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_TIMEOUT, DEFAULT_RESPONDERS, null);
    }

    public TransportSettings withExternalUrl(String url) {
        return new TransportSettings(timeout, responderThreads, url, security, bind, remote);
    }

    /** The same settings with {@code responders} handler threads on the service side (at least 1). */
    public TransportSettings withResponders(int responders) {
        if (responders < 1) {
            throw new IllegalArgumentException("responders must be at least 1, not " + responders);
        }
        return new TransportSettings(timeout, responders, externalUrl, security, bind, remote);
    }

    public TransportSettings withSecurity(Security security) {
        return new TransportSettings(timeout, responderThreads, externalUrl, security, bind, remote);
    }

    /** The security and, together (a bind beyond loopback needs credentials), where the servers started here listen. */
    public TransportSettings withSecurity(Security security, BindAddress bind) {
        return new TransportSettings(timeout, responderThreads, externalUrl, security, bind, remote);
    }

    public TransportSettings withRemote(RemoteCredentials remote) {
        return new TransportSettings(timeout, responderThreads, externalUrl, security, bind, remote);
    }

    private boolean remoteCredentialsApply() {
        return externalUrl != null && remote != null;
    }

    /** The password or token a client presents: the external server's (from {@link RemoteCredentials}), else this run's. */
    public String secret() {
        return remoteCredentialsApply() ? remote.secret() : RunSecrets.password();
    }

    /** The certificate authority (a PEM file) a client trusts: the external server's (from {@link RemoteCredentials}), else this run's. */
    public Path trustedAuthority() {
        return remoteCredentialsApply() && remote.authority() != null ? remote.authority()
                : RunCertificates.get().caCertificate();
    }

    /** TLS for a client: trusting {@link #trustedAuthority()} only, checking host names. */
    public SSLContext clientTls() {
        return RunCertificates.trusting(trustedAuthority());
    }

    /**
     * Refuses credentials and TLS against an external server unless its secret (and for TLS its authority) were
     * given as {@link RemoteCredentials}: without them the suite knows neither.
     */
    public void requireCredentialsFor(String transport) {
        if (externalUrl == null || security == Security.NONE) {
            return;
        }
        String why = transport + ": security '" + security.parameter() + "' against an external server (" + RunSecrets.mask(externalUrl) + ") needs ";
        if (remote == null || remote.secretFile() == null) {
            throw new IllegalArgumentException(why + "its secret: set " + RemoteCredentials.SECRET_VARIABLE + " (or -D"
                    + RemoteCredentials.SECRET_PROPERTY + ") to a copy of the secret file the serving side printed");
        }
        if (security.encrypts() && remote.authority() == null) {
            throw new IllegalArgumentException(why + "its certificate authority: set " + RemoteCredentials.AUTHORITY_VARIABLE + " (or -D"
                    + RemoteCredentials.AUTHORITY_PROPERTY + ") to a copy of the ca.pem the serving side printed");
        }
        remote.secret(); // a missing, unreadable or malformed file is refused here, naming it
    }
}
