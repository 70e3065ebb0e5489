package io.wirebench.e2e.files;

import io.wirebench.schemas.service.FileSummary;

/** A finished upload: the service's summary, how many chunk sends it took and how many were re-sends. */
public record UploadResult(FileSummary summary, int chunkSends, int recoveries) {
}
