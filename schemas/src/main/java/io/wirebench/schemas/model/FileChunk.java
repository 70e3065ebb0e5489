package io.wirebench.schemas.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.Objects;

/**
 * One piece of an upload. {@code sha256} is the checksum of {@code data} as the sender computed it;
 * verifying it is a pipeline step (a corrupted chunk is valid in shape and fails that step).
 * A record compares arrays by reference, so equality is spelled out here.
 */
public record FileChunk(
        @NotNull @Pattern(regexp = Rules.FILE_ID) String fileId,
        @PositiveOrZero int index,
        @NotNull @Size(min = 1, max = Rules.MAX_CHUNK_BYTES) byte[] data,
        @NotNull @Pattern(regexp = Rules.SHA256_HEX) String sha256) {

    @Override
    public boolean equals(Object o) {
        return o instanceof FileChunk other
                && index == other.index
                && Objects.equals(fileId, other.fileId)
                && Arrays.equals(data, other.data)
                && Objects.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(fileId, index, sha256) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "FileChunk[fileId=" + fileId + ", index=" + index + ", bytes=" + (data == null ? "null" : data.length)
                + ", sha256=" + sha256 + "]";
    }
}
