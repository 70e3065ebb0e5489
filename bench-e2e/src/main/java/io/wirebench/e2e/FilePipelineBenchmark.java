package io.wirebench.e2e;

import io.wirebench.bench.Cursor;
import io.wirebench.e2e.files.ChunkFaults;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.files.FileUploader;
import io.wirebench.e2e.files.UploadResult;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Large file processing: an upload of {@code fileKiB} split into 256 KiB chunks, sent 8 in flight, each
 * verified by the file service (size, SHA-256), then reassembled, checked against the manifest's
 * SHA-256, transformed (Deflate) and summarised. With {@code corruptRate} above 0, that share of chunk
 * sends arrives corrupted and is recovered by re-sending it; the secondary metric {@code recoveries}
 * counts re-sends (per second). Every upload's summary is checked against its manifest. A chunk still
 * refused after {@value FileUploader#MAX_SENDS} sends fails the run.
 *
 * <ul>
 *   <li>{@code upload}: {@code sample} mode, ms per whole upload.</li>
 *   <li>{@code uploads}: uploads per second at {@code -t 1, 4, 16}.</li>
 * </ul>
 *
 * <p>Inside the timed region: a whole upload, chunking it, sending the chunks 8 in flight, the service's
 * checks, the re-sends of corrupted chunks, reassembly, the transform, the summary and its check against the
 * manifest. Outside: generating the files (once per trial) and starting the service.
 */
// a 2 GiB heap: each caller keeps its own copies of the files (up to 16 callers x 4 files of fileKiB)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FilePipelineBenchmark extends AbstractE2eBenchmark {
    static final int CHUNK_BYTES = 256 << 10;
    static final int FILES = 4;

    @Param({"nats", "http", "redis", "rabbitmq", "grpc"})
    public String transport;

    @Param({"1024", "8192"})
    public int fileKiB;

    @Param({"0", "0.05"})
    public String corruptRate;

    @Param({"json"})
    public String codec;

    private Transport impl;
    private RpcServer server;
    private RpcClient client;
    private FileService service;
    private FileUploader uploader;
    private FileUpload[] uploads;

    @Setup(Level.Trial)
    public void start() {
        Codec codecImpl = Codecs.byName(codec);
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        uploads = new FileUpload[FILES];
        for (int i = 0; i < FILES; i++) {
            uploads[i] = generator.fileUpload(fileKiB * 1024L, CHUNK_BYTES);
        }
        double rate = Double.parseDouble(corruptRate);
        impl = ScenarioTrial.start(transport);
        server = impl.newServer();
        service = new FileService(codecImpl);
        service.register(server);
        client = impl.newClient();
        uploader = new FileUploader(client, codecImpl, rate == 0 ? ChunkFaults.NONE : ChunkFaults.random(rate, 0, 42));
        for (int i = 0; i < FILES; i++) {
            check(uploader.upload(uploads[i]), uploads[i]);
        }
    }

    @Setup(Level.Iteration)
    public void clear() {
        service.clearStored();
    }

    @TearDown(Level.Trial)
    public void stop() {
        ScenarioTrial.stop(client, server, impl);
    }

    private UploadResult check(UploadResult result, FileUpload upload) {
        if (!result.summary().complete() || !upload.manifest().fileId().equals(result.summary().fileId())
                || !upload.manifest().sha256().equals(result.summary().sha256())) {
            throw new IllegalStateException(transport + ": upload of " + upload.manifest().fileId() + " ended as " + result.summary()
                    + "; no number is measured");
        }
        return result;
    }

    /**
     * A caller's own copies of the uploads (same bytes, file ids of its own: two callers uploading one
     * file id at once would interleave their chunks) and its position in them.
     */
    @State(Scope.Thread)
    public static class CallerUploads {
        private static final AtomicInteger CALLERS = new AtomicInteger();
        private final Cursor position = new Cursor();
        private FileUpload[] mine;

        @Setup(Level.Trial)
        public void copy(FilePipelineBenchmark bench) {
            String caller = Integer.toString(CALLERS.incrementAndGet() % (36 * 36), 36);
            mine = new FileUpload[FILES];
            for (int i = 0; i < FILES; i++) {
                FileUpload upload = bench.uploads[i];
                String fileId = "fil_" + "00".substring(caller.length()) + caller + upload.manifest().fileId().substring(6);
                List<FileChunk> chunks = new ArrayList<>();
                for (FileChunk chunk : upload.chunks()) {
                    chunks.add(new FileChunk(fileId, chunk.index(), chunk.data(), chunk.sha256()));
                }
                FileManifest m = upload.manifest();
                mine[i] = new FileUpload(new FileManifest(fileId, m.fileName(), m.contentType(), m.totalBytes(), m.chunkBytes(),
                        m.chunkCount(), m.sha256()), chunks);
            }
        }

        FileUpload next() {
            return mine[position.next(FILES)];
        }
    }

    /** Chunk re-sends, reported by JMH per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Recoveries {
        public long recoveries;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public UploadResult upload(CallerUploads callerUploads) {
        FileUpload upload = callerUploads.next();
        return check(uploader.upload(upload), upload);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public UploadResult uploads(CallerUploads callerUploads, Recoveries recoveries) {
        FileUpload upload = callerUploads.next();
        UploadResult result = check(uploader.upload(upload), upload);
        recoveries.recoveries += result.recoveries();
        return result;
    }
}
