package io.wirebench.schemas.service;

/** The file service's answer to a manifest ({@code index} -1) or a chunk: accepted, or refused and why. */
public record ChunkAck(String fileId, int index, boolean accepted, String reason) {
}
