package io.wirebench.schemas.generate;

import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import java.util.List;

/** A whole generated upload: the manifest and its chunks, in order. */
public record FileUpload(FileManifest manifest, List<FileChunk> chunks) {
    public FileUpload {
        chunks = List.copyOf(chunks);
    }
}
