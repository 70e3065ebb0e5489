package io.wirebench.schemas.service;

/** The analytics service applied a whole batch of {@code events} events. */
public record IngestAck(String batchId, int events) {
}
