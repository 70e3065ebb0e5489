package io.wirebench.schemas.service;

import java.util.List;

/**
 * The end of the file pipeline: either complete (every chunk verified, the whole file's SHA-256 equal
 * to the manifest's, transformed, summary stored) or incomplete with the chunk indexes still missing,
 * which the uploader sends again.
 */
public record FileSummary(String fileId, boolean complete, long bytes, String sha256, long transformedBytes,
                          List<Integer> missing) {

    public FileSummary {
        missing = missing == null ? List.of() : List.copyOf(missing);
    }
}
