package io.wirebench.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads the suite's YAML configuration files (the load runner's, the scripts/bench profiles, the claims, the gate's
 * settings) into their records, strictly and the same way everywhere: an unknown key, a wrong type, a missing
 * required key, an unreadable or empty file is a {@link ConfigFileException} naming the file, the key (dotted, with
 * list indexes) and the reason; a syntax error names the line and column. Checks of the values are the records' own.
 */
public final class StrictYaml {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private StrictYaml() {
    }

    public static <T> T read(Path file, Class<T> type) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(file, "", "no such file");
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "cannot read: " + e.getMessage());
        }
        if (new String(bytes, StandardCharsets.UTF_8).lines().allMatch(l -> l.isBlank() || l.strip().startsWith("#"))) {
            throw new ConfigFileException(file, "", "empty file");
        }
        T value;
        try {
            value = YAML.readValue(bytes, type);
        } catch (JsonProcessingException e) {
            throw refusal(file, "", e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "cannot read: " + e.getMessage());
        }
        if (value == null) {
            throw new ConfigFileException(file, "", "empty file");
        }
        return value;
    }

    /** {@code text} (a flow mapping from a command line, say) as {@code type}; errors name {@code source} and keys under {@code keyPrefix}. */
    public static <T> T read(String text, Class<T> type, Path source, String keyPrefix) {
        try {
            return YAML.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw refusal(source, keyPrefix, e);
        }
    }

    /** The exception for what Jackson refused: the key and the reason, or for a syntax error its line and column. */
    static ConfigFileException refusal(Path file, String keyPrefix, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException syntax) {
                JsonLocation at = syntax.getLocation();
                return new ConfigFileException(file, keyPrefix, "not valid YAML" + (at == null || at.getLineNr() < 1 ? ""
                        : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + syntax.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new ConfigFileException(file, join(keyPrefix, key(u)), "unknown key; known here: " + u.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            return new ConfigFileException(file, join(keyPrefix, key(m)), m.getOriginalMessage());
        }
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new ConfigFileException(file, keyPrefix, (e instanceof JsonMappingException ? "not what is expected" : "not valid YAML") + where
                + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }

    private static String join(String prefix, String key) {
        return prefix.isEmpty() ? key : key.isEmpty() ? prefix : prefix + "." + key;
    }

    /** The dotted key of what Jackson refused, with list indexes: {@code profiles.nightly.load[1].transport}. */
    public static String key(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
