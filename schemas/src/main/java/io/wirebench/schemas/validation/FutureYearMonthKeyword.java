package io.wirebench.schemas.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaContext;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.keyword.AbstractKeywordValidator;
import com.networknt.schema.keyword.Keyword;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.path.NodePath;
import java.time.Clock;

/**
 * JSON Schema keyword {@code "x-futureYearMonth": true}, the twin of {@link FutureYearMonth}: a
 * {@code yyyy-MM} string whose month has not passed at this keyword's clock.
 */
public final class FutureYearMonthKeyword implements Keyword {
    public static final String NAME = "x-futureYearMonth";

    private final Clock clock;

    public FutureYearMonthKeyword(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getValue() {
        return NAME;
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
        return new Check(schemaNode, location, clock);
    }

    private static final class Check extends AbstractKeywordValidator {
        private final Clock clock;

        Check(JsonNode schemaNode, SchemaLocation location, Clock clock) {
            super(NAME, schemaNode, location);
            this.clock = clock;
        }

        @Override
        public void validate(ExecutionContext context, JsonNode value, JsonNode root, NodePath at) {
            if (schemaNode.asBoolean() && value.isTextual() && YearMonths.isExpired(value.asText(), clock)) {
                context.addError(Error.builder()
                        .keyword(NAME)
                        .instanceLocation(at)
                        .evaluationPath(context.getEvaluationPath())
                        .schemaLocation(schemaLocation)
                        .messageSupplier(() -> "card expired: " + value.asText())
                        .build());
            }
        }
    }
}
