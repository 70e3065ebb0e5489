package io.wirebench.e2e.files;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import java.util.ArrayList;
import java.util.List;

/** One upload being put together: its manifest and the verified chunks received so far. */
final class FileAssembly {
    private final FileManifest manifest;
    private final byte[][] chunks;

    FileAssembly(FileManifest manifest) {
        this.manifest = manifest;
        this.chunks = new byte[manifest.chunkCount()][];
    }

    FileManifest manifest() {
        return manifest;
    }

    /** Null if the chunk is accepted, else why not (the uploader sends it again). */
    synchronized String accept(FileChunk chunk) {
        if (chunk.index() < 0 || chunk.index() >= chunks.length) {
            return "index " + chunk.index() + " outside 0.." + (chunks.length - 1);
        }
        long expected = chunk.index() < chunks.length - 1 ? manifest.chunkBytes()
                : manifest.totalBytes() - (long) manifest.chunkBytes() * (chunks.length - 1);
        if (chunk.data().length != expected) {
            return "chunk " + chunk.index() + " has " + chunk.data().length + " bytes, expected " + expected;
        }
        if (!PayloadGenerator.sha256(chunk.data()).equals(chunk.sha256())) {
            return "chunk " + chunk.index() + " checksum mismatch";
        }
        chunks[chunk.index()] = chunk.data();
        return null;
    }

    synchronized List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            if (chunks[i] == null) {
                missing.add(i);
            }
        }
        return missing;
    }

    synchronized byte[][] chunks() {
        return chunks.clone();
    }
}
