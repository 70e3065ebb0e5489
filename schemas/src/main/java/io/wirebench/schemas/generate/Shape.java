package io.wirebench.schemas.generate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named order sizes every benchmark takes as its {@code shape} parameter. Measured JSON sizes
 * come from {@code PayloadSizes} (run it; the README table is its output), not from this comment.
 */
public enum Shape {
    TINY(1, 0, 0),
    SMALL(3, 120, 2),
    MEDIUM(20, 320, 4),
    LARGE(200, 320, 8),
    HUGE(2_000, 320, 8);

    private final int items;
    private final int descriptionChars;
    private final int metadataEntries;

    Shape(int items, int descriptionChars, int metadataEntries) {
        this.items = items;
        this.descriptionChars = descriptionChars;
        this.metadataEntries = metadataEntries;
    }

    public int items() {
        return items;
    }

    /** About how long each line item's description is; 0 means none (null). */
    public int descriptionChars() {
        return descriptionChars;
    }

    public int metadataEntries() {
        return metadataEntries;
    }

    /** The token used in {@code -p shape=...}: the lower-case name. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Resolves a {@code shape} parameter value; an unknown one fails with the list of valid names. */
    public static Shape byName(String name) {
        for (Shape shape : values()) {
            if (shape.token().equals(name)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("unknown shape '" + name + "'; valid shapes: "
                + Arrays.stream(values()).map(Shape::token).collect(Collectors.joining(", ")));
    }
}
