package io.wirebench.e2e.load;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code config/test-config.yaml}, as records. Unknown keys, wrong types and impossible values are
 * refused with a {@link ConfigException} naming the file, the key and the reason. Only what the load
 * runner uses today is here; the seed's scenario sections arrive with their scenarios.
 */
public record LoadConfig(@JsonProperty(value = "load_test", required = true) LoadTest loadTest,
                         @JsonProperty(value = "scenarios", required = true) Scenarios scenarios) {

    /** Shared load settings. */
    public record LoadTest(@JsonProperty(value = "users", required = true) int users,
                           @JsonProperty(value = "duration_seconds", required = true) double durationSeconds,
                           @JsonProperty(value = "request_timeout_ms", required = true) long requestTimeoutMs,
                           @JsonProperty(value = "error_budget", required = true) double errorBudget) {
    }

    /** The scenarios the runner can drive. */
    public record Scenarios(@JsonProperty(value = "orders", required = true) Orders orders) {
    }

    /** Orders sent to the round-trip service ({@code OrderReceiptHandler}): decode, answer a receipt. */
    public record Orders(@JsonProperty(value = "rate", required = true) double rate,
                         @JsonProperty(value = "shape", required = true) String shape,
                         @JsonProperty(value = "codec", required = true) String codec) {
    }

    public static LoadConfig read(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        LoadConfig config;
        try {
            config = yaml.readValue(Files.readAllBytes(file), LoadConfig.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException(file, key(e), "unknown key; known here: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ConfigException(file, key(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot read: " + e.getMessage());
        }
        if (config == null) {
            throw new ConfigException(file, "", "empty file");
        }
        config.validate(file);
        return config;
    }

    void validate(Path file) {
        if (loadTest.users() < 1) {
            throw new ConfigException(file, "load_test.users", "must be at least 1, was " + loadTest.users());
        }
        if (!(loadTest.durationSeconds() > 0)) {
            throw new ConfigException(file, "load_test.duration_seconds", "must be > 0, was " + loadTest.durationSeconds());
        }
        if (loadTest.requestTimeoutMs() < 1) {
            throw new ConfigException(file, "load_test.request_timeout_ms", "must be >= 1, was " + loadTest.requestTimeoutMs());
        }
        if (!(loadTest.errorBudget() >= 0 && loadTest.errorBudget() <= 1)) {
            throw new ConfigException(file, "load_test.error_budget", "must be within [0, 1], was " + loadTest.errorBudget());
        }
        if (!(scenarios.orders().rate() > 0)) {
            throw new ConfigException(file, "scenarios.orders.rate", "must be > 0 requests/s, was " + scenarios.orders().rate());
        }
        try {
            Shape.byName(scenarios.orders().shape());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file, "scenarios.orders.shape", e.getMessage());
        }
        if (!Codecs.names().contains(scenarios.orders().codec())) {
            throw new ConfigException(file, "scenarios.orders.codec", "unknown codec '" + scenarios.orders().codec()
                    + "'; valid codecs: " + String.join(", ", Codecs.names()));
        }
    }

    private static String key(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
