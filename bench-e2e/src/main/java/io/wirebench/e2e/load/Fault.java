package io.wirebench.e2e.load;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One entry of a load run's fault schedule: {@code at} seconds into the steady phase, {@code action} the
 * {@code target} server: {@code kill} (a broker: SIGKILL; the HTTP service: its Jetty stopped at once), restarted on
 * its port after {@code duration} seconds; {@code pause} (a broker: SIGSTOP, SIGCONT after {@code duration} seconds).
 */
public record Fault(@JsonProperty(value = "at", required = true) double at,
                    @JsonProperty(value = "action", required = true) String action,
                    @JsonProperty(value = "target", required = true) String target,
                    @JsonProperty(value = "duration", required = true) double duration) {
}
