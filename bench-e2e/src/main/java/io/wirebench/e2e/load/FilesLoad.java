package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.files.ChunkFaults;
import io.wirebench.e2e.files.FileService;
import io.wirebench.e2e.files.FileUploader;
import io.wirebench.e2e.files.UploadResult;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * The file-processing scenario under load: each operation is a whole upload of {@code file_bytes}
 * ({@code chunk_bytes} chunks, manifest to summary) of one of {@code users} pre-generated files (one per
 * upload in flight, so no two concurrent uploads share a file id), run on an uploader thread of its own.
 * {@code corrupt_rate} of chunk sends arrive corrupted and are recovered by re-sending; an upload whose
 * summary does not match its manifest is a wrong reply, one that cannot be completed is DECLINED.
 */
public final class FilesLoad implements LoadScenario {
    private final LoadConfig.Files config;
    private final RpcServer server;
    private final ServiceDelays delays = new ServiceDelays();
    private final RpcClient client;
    private final FileUploader uploader;
    private final BlockingQueue<FileUpload> idle;
    private final ExecutorService uploaders;
    private final LongAdder recoveries = new LongAdder();
    private final LongAdder chunkSends = new LongAdder();

    public FilesLoad(LoadConfig.Files config, Transport transport, Codec codec, int users) {
        this.config = config;
        PayloadGenerator generator = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED);
        idle = new ArrayBlockingQueue<>(users);
        for (int i = 0; i < users; i++) {
            idle.add(generator.fileUpload(config.fileBytes(), config.chunkBytes()));
        }
        server = delays.wrap(transport.newServer());
        new FileService(codec).register(server);
        client = transport.newClient();
        uploader = new FileUploader(client, codec, config.corruptRate() == 0 ? ChunkFaults.NONE : ChunkFaults.random(config.corruptRate(), 0, 42));
        uploaders = Executors.newFixedThreadPool(users, r -> {
            Thread t = new Thread(r, "uploader");
            t.setDaemon(true);
            return t;
        });
        operation().start(0).join();
        recoveries.reset();
        chunkSends.reset();
    }

    @Override
    public String name() {
        return "files";
    }

    @Override
    public double configuredRate() {
        return config.uploadRate();
    }

    @Override
    public String unit() {
        return unit(config);
    }

    static String unit(LoadConfig.Files config) {
        return "uploads of " + config.fileBytes() + " bytes";
    }

    @Override
    public LoadOperation operation() {
        return index -> CompletableFuture.supplyAsync(() -> {
            FileUpload upload = idle.poll();
            if (upload == null) {
                throw new IllegalStateException("more uploads in flight than files prepared");
            }
            try {
                UploadResult result;
                try {
                    result = uploader.upload(upload);
                } catch (RpcException e) {
                    if (e.kind() == RpcException.Kind.REMOTE && e.getMessage().contains("not accepted after")) {
                        throw new LoadFailure(FailureKind.DECLINED, e.getMessage());
                    }
                    throw e;
                }
                recoveries.add(result.recoveries());
                chunkSends.add(result.chunkSends());
                if (!result.summary().complete() || !upload.manifest().sha256().equals(result.summary().sha256())) {
                    throw new LoadFailure(FailureKind.WRONG_REPLY, upload.manifest().fileId() + " ended as " + result.summary());
                }
                return result;
            } finally {
                idle.add(upload);
            }
        }, uploaders);
    }

    @Override
    public Map<String, Object> accounting() {
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("fileBytes", config.fileBytes());
        books.put("chunkBytes", config.chunkBytes());
        books.put("corruptRate", config.corruptRate());
        books.put("chunkSends", chunkSends.sum());
        books.put("recoveries", recoveries.sum());
        return books;
    }

    @Override
    public ServiceDelays delays() {
        return delays;
    }

    @Override
    public void close() {
        uploaders.shutdownNow();
        try {
            client.close();
        } finally {
            server.close();
        }
    }
}
