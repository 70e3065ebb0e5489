package io.wirebench.schemas.validation;

/**
 * One reason a message was rejected, in a form both validators can produce: the JSON Pointer of the
 * offending value ({@code /items/0/quantity}), the rule (schema keyword or constraint name) and the
 * human message a service would send back.
 */
public record SchemaViolation(String pointer, String rule, String message) {

    /** {@code items[0].quantity} (a Bean Validation property path) as {@code /items/0/quantity}. */
    public static String pointerOf(String propertyPath) {
        if (propertyPath.isEmpty()) {
            return "";
        }
        StringBuilder pointer = new StringBuilder();
        for (String part : propertyPath.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                pointer.append('/').append(part);
                continue;
            }
            if (bracket > 0) {
                pointer.append('/').append(part, 0, bracket);
            }
            // a container element: items[3] or metadata[key]; <map value> / <list element> nodes are skipped
            String inside = part.substring(bracket + 1, part.indexOf(']', bracket));
            pointer.append('/').append(inside);
        }
        return pointer.toString();
    }
}
