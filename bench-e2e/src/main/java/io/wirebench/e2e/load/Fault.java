package io.wirebench.e2e.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * One entry of a load run's fault schedule: {@code at} seconds into the steady phase, {@code action} the
 * {@code target}: {@code kill} a server (a broker: SIGKILL; the HTTP service: its Jetty stopped at once), restarted on
 * its port after {@code duration} seconds; {@code pause} a broker (SIGSTOP, SIGCONT after {@code duration} seconds);
 * {@code slow} a service of the scenario (its name is its endpoints' first segment: {@code gateway}, {@code orders},
 * {@code inventory}, {@code payment}; {@code analytics}; {@code files}): each request it handles waits {@code delay_ms}
 * first, for {@code duration} seconds. {@code delay_ms} belongs to {@code slow} only.
 */
public record Fault(@JsonProperty(value = "at", required = true) double at,
                    @JsonProperty(value = "action", required = true) String action,
                    @JsonProperty(value = "target", required = true) String target,
                    @JsonProperty(value = "duration", required = true) double duration,
                    @JsonProperty(value = "delay_ms") Double delayMs) {

    public static final Set<String> SERVICES = Set.of("gateway", "orders", "inventory", "payment", "analytics", "files");
}
