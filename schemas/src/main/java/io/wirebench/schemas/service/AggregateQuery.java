package io.wirebench.schemas.service;

/** Ask for the aggregates of every key starting with {@code keyPrefix} (empty: all keys). */
public record AggregateQuery(String keyPrefix) {
}
