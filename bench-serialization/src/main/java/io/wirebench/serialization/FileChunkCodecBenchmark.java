package io.wirebench.serialization;

import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.FileChunk;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Param;

/**
 * Codec × file chunk size (64 KiB, 1 MiB of random bytes): what base64 in JSON costs against raw
 * bytes in the binary formats. Same operations and rules as {@link CodecBenchmark}.
 *
 * <p>Inside the timed region: only the codec call on file chunks; outside: as in {@link AbstractCodecBenchmark}.
 */
public class FileChunkCodecBenchmark extends AbstractCodecBenchmark {

    @Param({"65536", "1048576"})
    public int chunkBytes;

    @Override
    protected List<?> messages() {
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        List<FileChunk> chunks = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
            chunks.add(generator.fileChunk("fil_000000000001", i, chunkBytes));
        }
        return chunks;
    }

    @Override
    protected Class<?> type() {
        return FileChunk.class;
    }

    @Override
    protected String describe() {
        return "file chunk chunkBytes=" + chunkBytes;
    }
}
