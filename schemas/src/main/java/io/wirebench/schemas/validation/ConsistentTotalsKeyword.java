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

/**
 * JSON Schema keyword {@code "x-consistentTotals": true}, the twin of {@link ConsistentTotals}:
 * subtotalMinor = Σ quantity × unitPriceMinor over items, totalMinor = subtotal + tax + shipping.
 * Values of the wrong type are left to the standard keywords.
 */
public final class ConsistentTotalsKeyword implements Keyword {
    public static final String NAME = "x-consistentTotals";

    @Override
    public String getValue() {
        return NAME;
    }

    @Override
    public KeywordValidator newValidator(SchemaLocation location, JsonNode schemaNode, Schema parent, SchemaContext context) {
        return new Check(schemaNode, location);
    }

    private static final class Check extends AbstractKeywordValidator {
        Check(JsonNode schemaNode, SchemaLocation location) {
            super(NAME, schemaNode, location);
        }

        @Override
        public void validate(ExecutionContext context, JsonNode order, JsonNode root, NodePath at) {
            if (!schemaNode.asBoolean() || !order.isObject() || !order.path("items").isArray()) {
                return;
            }
            long lines = 0;
            for (JsonNode item : order.get("items")) {
                if (!item.path("quantity").canConvertToLong() || !item.path("unitPriceMinor").canConvertToLong()) {
                    return;
                }
                lines += item.get("quantity").asLong() * item.get("unitPriceMinor").asLong();
            }
            for (String field : new String[] {"subtotalMinor", "taxMinor", "shippingMinor", "totalMinor"}) {
                if (!order.path(field).canConvertToLong()) {
                    return;
                }
            }
            long subtotal = order.get("subtotalMinor").asLong();
            long expectedTotal = subtotal + order.get("taxMinor").asLong() + order.get("shippingMinor").asLong();
            if (subtotal != lines) {
                report(context, at, "subtotalMinor", "subtotal " + subtotal + " is not the sum of the lines " + lines);
            } else if (order.get("totalMinor").asLong() != expectedTotal) {
                report(context, at, "totalMinor", "total " + order.get("totalMinor").asLong()
                        + " is not subtotal + tax + shipping " + expectedTotal);
            }
        }

        private void report(ExecutionContext context, NodePath at, String field, String message) {
            context.addError(Error.builder()
                    .keyword(NAME)
                    .instanceLocation(at.append(field))
                    .evaluationPath(context.getEvaluationPath())
                    .schemaLocation(schemaLocation)
                    .messageSupplier(() -> message)
                    .build());
        }
    }
}
