package io.wirebench.schemas.service;

/** Names an upload: "finish this file". */
public record FileRef(String fileId) {
}
