package io.wirebench.transport;

import java.time.Duration;

/**
 * What every transport is configured with: the per-request timeout, how many responder threads a
 * server runs (enough that the responder is not the bottleneck at 16 callers on 2 cores), and an
 * external address to use instead of a managed server ({@code natsUrl}, {@code redisUrl},
 * {@code amqpUri}, {@code httpUrl}; null means start one here).
 */
public record TransportSettings(Duration timeout, int responderThreads, String externalUrl) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_RESPONDERS = 8;

    public static TransportSettings defaults() {
        return new TransportSettings(DEFAULT_TIMEOUT, DEFAULT_RESPONDERS, null);
    }

    public TransportSettings withExternalUrl(String url) {
        return new TransportSettings(timeout, responderThreads, url);
    }
}
