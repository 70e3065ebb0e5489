package io.wirebench.schemas.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Unmodifiable copies of maps that keep insertion order. {@code Map.copyOf} would be shorter, but its
 * iteration order depends on a per-JVM random salt, so the same message would encode to different
 * bytes in different JVMs, and "same seed, same bytes" would hold only within one process.
 */
public final class OrderedMaps {
    private OrderedMaps() {
    }

    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
