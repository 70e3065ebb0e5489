package io.wirebench.transport;

import java.time.Duration;

/**
 * What every transport is configured with: the per-request timeout, how many threads run a server's
 * handlers ({@code responders}: the same for every transport, Jetty included, so service concurrency is
 * equal; a transport's I/O threads are its own), and an
 * external address to use instead of a managed server ({@code natsUrl}, {@code redisUrl},
 * {@code amqpUri}, {@code httpUrl}; null means start one here), and the {@link Security} of the connections.
 */
public record TransportSettings(Duration timeout, int responderThreads, String externalUrl, Security security) {

    public TransportSettings {
        security = security == null ? Security.NONE : security;
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
        return new TransportSettings(timeout, responderThreads, url, security);
    }

    /** The same settings with {@code responders} handler threads on the service side (at least 1). */
    public TransportSettings withResponders(int responders) {
        if (responders < 1) {
            throw new IllegalArgumentException("responders must be at least 1, not " + responders);
        }
        return new TransportSettings(timeout, responders, externalUrl, security);
    }

    public TransportSettings withSecurity(Security security) {
        return new TransportSettings(timeout, responderThreads, externalUrl, security);
    }

    /** Refuses credentials and TLS against an external server: the suite knows neither its credentials nor its authority. */
    void requireManagedFor(String transport) {
        if (externalUrl != null && security != Security.NONE) {
            throw new IllegalArgumentException(transport + ": security '" + security.parameter() + "' needs a server this suite starts"
                    + " (it makes the credentials and certificates); an external server (" + externalUrl + ") runs with its own");
        }
    }
}
