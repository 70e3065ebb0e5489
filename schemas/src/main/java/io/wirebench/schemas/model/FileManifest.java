package io.wirebench.schemas.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Describes an upload before its chunks arrive: sizes and the SHA-256 of the whole file. */
public record FileManifest(
        @NotNull @Pattern(regexp = Rules.FILE_ID) String fileId,
        @NotBlank @Size(max = 255) String fileName,
        @NotBlank @Size(max = 100) String contentType,
        @Positive long totalBytes,
        @Positive @Max(Rules.MAX_CHUNK_BYTES) int chunkBytes,
        @Positive int chunkCount,
        @NotNull @Pattern(regexp = Rules.SHA256_HEX) String sha256) {
}
