package io.wirebench.report.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.wirebench.yaml.ConfigFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One expectation from the seed (or a user's own), checked against a run's results. Kinds:
 * <ul>
 *   <li>{@code below}: {@code metric} of the results of {@code benchmark} matching {@code where} is under
 *       {@code limit} (the metric's unit);</li>
 *   <li>{@code ratio}: per value of {@code per}, {@code metric} where {@code numerator} matches over
 *       {@code metric} where {@code denominator} matches is at least {@code at_least} (or at most
 *       {@code at_most}), judged on the interval built from both scores' errors;</li>
 *   <li>{@code load-rate}: a load run (of {@code scenario}/{@code transport} if given) sustained at least
 *       {@code at_least} operations/s within its error budget, or a knee search found that rate.</li>
 * </ul>
 * {@code where}, {@code numerator} and {@code denominator} match JMH parameters, and {@code threads}.
 */
public record Claim(@JsonProperty(value = "id", required = true) String id,
                    @JsonProperty(value = "text", required = true) String text,
                    @JsonProperty(value = "kind", required = true) String kind,
                    @JsonProperty("benchmark") String benchmark,
                    @JsonProperty("metric") String metric,
                    @JsonProperty("where") Map<String, String> where,
                    @JsonProperty("limit") Double limit,
                    @JsonProperty("numerator") Map<String, String> numerator,
                    @JsonProperty("denominator") Map<String, String> denominator,
                    @JsonProperty("per") String per,
                    @JsonProperty("at_least") Double atLeast,
                    @JsonProperty("at_most") Double atMost,
                    @JsonProperty("scenario") String scenario,
                    @JsonProperty("transport") String transport,
                    @JsonProperty("p99_limit_ms") Double p99LimitMs) {

    void validate(Path file, String at) {
        switch (kind) {
            case "below" -> {
                need(file, at, "benchmark", benchmark);
                need(file, at, "metric", metric);
                need(file, at, "limit", limit);
            }
            case "ratio" -> {
                need(file, at, "benchmark", benchmark);
                need(file, at, "metric", metric);
                need(file, at, "numerator", numerator);
                need(file, at, "denominator", denominator);
                need(file, at, "per", per);
                if ((atLeast == null) == (atMost == null)) {
                    throw new ConfigFileException(file, at, "a ratio claim needs exactly one of at_least and at_most");
                }
            }
            case "load-rate" -> {
                need(file, at, "at_least", atLeast);
                if (p99LimitMs != null && !(p99LimitMs > 0)) {
                    throw new ConfigFileException(file, at + ".p99_limit_ms", "must be > 0, was " + p99LimitMs);
                }
            }
            default -> throw new ConfigFileException(file, at + ".kind", "unknown kind '" + kind + "'; known: below, ratio, load-rate");
        }
    }

    private static void need(Path file, String at, String key, Object value) {
        if (value == null) {
            throw new ConfigFileException(file, at + "." + key, "is required for this kind of claim");
        }
    }
}
