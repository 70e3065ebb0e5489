package io.wirebench.schemas.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.FailFastAssertionException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schemas of {@code schemas/src/main/resources/schemas/}, compiled once (networknt
 * json-schema-validator, draft 2020-12 plus the two wirebench keywords), validating raw JSON bytes.
 * Thread-safe after construction.
 */
public final class JsonSchemaValidator {
    private static final String ID_PREFIX = "https://wirebench.io/schemas/";

    private final Map<MessageType, Schema> schemas = new EnumMap<>(MessageType.class);
    private final boolean failFast;
    private final ObjectReader reader = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .reader();

    /** @param failFast stop at the first violation (networknt's fail-fast mode) instead of collecting all */
    public JsonSchemaValidator(Clock clock, boolean failFast) {
        this.failFast = failFast;
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new ConsistentTotalsKeyword())
                .keyword(new FutureYearMonthKeyword(clock))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));
        for (MessageType type : MessageType.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(ID_PREFIX + type.schemaFile()));
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    public JsonSchemaValidator(Clock clock) {
        this(clock, false);
    }

    public JsonSchemaValidator() {
        this(Clock.systemUTC(), false);
    }

    /** Parses {@code json} and validates it against {@code type}'s schema; unparseable JSON is one violation at "". */
    public List<SchemaViolation> validate(MessageType type, byte[] json) {
        JsonNode node;
        try {
            node = reader.readTree(json);
        } catch (JsonProcessingException notJson) {
            return List.of(new SchemaViolation("", "json", "not JSON: " + notJson.getOriginalMessage()));
        } catch (IOException unreadable) {
            return List.of(new SchemaViolation("", "json", "unreadable: " + unreadable.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return List.of(new SchemaViolation("", "json", "empty document"));
        }
        return validate(type, node);
    }

    public List<SchemaViolation> validate(MessageType type, JsonNode node) {
        List<Error> errors;
        try {
            errors = failFast
                    ? schemas.get(type).validate(node, (ExecutionContext context) -> context.setFailFast(true))
                    : schemas.get(type).validate(node);
        } catch (FailFastAssertionException first) {
            errors = first.getErrors();
        }
        List<SchemaViolation> violations = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String pointer = pointerOf(error.getInstanceLocation());
            if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
                pointer = pointer + "/" + error.getProperty();
            }
            violations.add(new SchemaViolation(pointer, error.getKeyword(), error.getMessage()));
        }
        return violations;
    }

    private static String pointerOf(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(path.getElement(i));
        }
        return pointer.toString();
    }
}
