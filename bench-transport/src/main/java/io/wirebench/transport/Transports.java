package io.wirebench.transport;

import java.util.List;

/**
 * The registry behind every {@code transport} parameter. External servers come from the environment:
 * {@code WIREBENCH_NATS_URL}, {@code WIREBENCH_REDIS_URL}, {@code WIREBENCH_AMQP_URI},
 * {@code WIREBENCH_HTTP_URL} (or the system properties {@code natsUrl}, {@code redisUrl},
 * {@code amqpUri}, {@code httpUrl}); without one, the transport starts its own managed server. A secured external
 * server's secret and authority come from {@link RemoteCredentials#fromEnvironment()}.
 */
public final class Transports {
    public static final List<String> NAMES = List.of("nats", "nats-cluster", "http", "http-jdk", "redis", "rabbitmq", "in-memory");

    private Transports() {
    }

    public static Transport byName(String name, TransportSettings settings) {
        return switch (name) {
            case "nats" -> new NatsTransport(external(settings, "natsUrl", "WIREBENCH_NATS_URL"));
            case "nats-cluster" -> NatsTransport.cluster(settings);
            case "http" -> new HttpTransport(external(settings, "httpUrl", "WIREBENCH_HTTP_URL"), HttpTransport.Client.JETTY);
            case "http-jdk" -> new HttpTransport(external(settings, "httpUrl", "WIREBENCH_HTTP_URL"), HttpTransport.Client.JDK);
            case "redis" -> new RedisTransport(external(settings, "redisUrl", "WIREBENCH_REDIS_URL"));
            case "rabbitmq" -> new RabbitMqTransport(external(settings, "amqpUri", "WIREBENCH_AMQP_URI"));
            case "in-memory" -> new InMemoryTransport(settings);
            default -> throw new IllegalArgumentException("unknown transport '" + name + "'; valid transports: "
                    + String.join(", ", NAMES));
        };
    }

    private static TransportSettings external(TransportSettings settings, String property, String variable) {
        TransportSettings external = settings;
        if (external.externalUrl() == null) {
            String url = System.getProperty(property, System.getenv(variable));
            if (url == null || url.isBlank()) {
                return settings;
            }
            external = external.withExternalUrl(url);
        }
        return external.remote() == null ? external.withRemote(RemoteCredentials.fromEnvironment()) : external;
    }
}
