package io.wirebench.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads one of the suite's YAML configuration files into its record, strictly: an unknown key, a wrong
 * type, a missing required key or an unreadable or empty file is a {@link ConfigFileException} naming the
 * file, the key (dotted, with list indexes) and the reason. Value checks are the record's own.
 */
final class YamlConfig {
    private static final ObjectMapper YAML = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private YamlConfig() {
    }

    static <T> T read(Path file, Class<T> type) {
        T value;
        try {
            value = YAML.readValue(Files.readAllBytes(file), type);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigFileException(file, key(e), "unknown key; known here: " + e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")));
        } catch (JsonMappingException e) {
            throw new ConfigFileException(file, key(e), e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "cannot read: " + e.getMessage());
        }
        if (value == null) {
            throw new ConfigFileException(file, "", "empty file");
        }
        return value;
    }

    static String key(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
