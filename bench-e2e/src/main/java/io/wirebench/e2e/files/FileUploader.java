package io.wirebench.e2e.files;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.FileUpload;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.service.ChunkAck;
import io.wirebench.schemas.service.FileRef;
import io.wirebench.schemas.service.FileSummary;
import io.wirebench.transport.Futures;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The client side of the file pipeline: sends the manifest, then the chunks ({@value #WINDOW} in flight),
 * then asks the service to complete the file. Recovery: a chunk the service refuses (bad checksum or
 * size) is sent again at once; chunks the service reports missing at completion are sent again and
 * completion asked again. Each re-send counts as a recovery; a chunk is sent at most
 * {@value #MAX_SENDS} times, then the upload fails with the reason.
 */
public final class FileUploader {
    static final int WINDOW = 8;
    public static final int MAX_SENDS = 5;
    /** A bound on waiting for an acknowledgement, above any transport's own request timeout. */
    private static final Duration ACK_WAIT = Duration.ofSeconds(30);

    private final RpcClient client;
    private final Codec codec;
    private final ChunkFaults faults;

    public FileUploader(RpcClient client, Codec codec, ChunkFaults faults) {
        this.client = client;
        this.codec = codec;
        this.faults = faults;
    }

    public UploadResult upload(FileUpload upload) {
        String fileId = upload.manifest().fileId();
        ChunkAck manifest = codec.decode(client.request(FileService.MANIFEST, codec.encode(upload.manifest())), ChunkAck.class);
        if (!manifest.accepted()) {
            throw new IllegalStateException(fileId + ": manifest refused: " + manifest.reason());
        }
        int[] sends = new int[upload.chunks().size()];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < sends.length; i++) {
            pending.add(i);
        }
        int total = 0;
        while (true) {
            while (!pending.isEmpty()) {
                List<Integer> refused = new ArrayList<>();
                for (int from = 0; from < pending.size(); from += WINDOW) {
                    List<Integer> window = pending.subList(from, Math.min(pending.size(), from + WINDOW));
                    List<CompletableFuture<byte[]>> acks = new ArrayList<>();
                    List<Integer> sent = new ArrayList<>();
                    for (int index : window) {
                        total++;
                        FileChunk chunk = send(upload.chunks().get(index), sends);
                        if (chunk != null) {
                            acks.add(client.requestAsync(FileService.CHUNK, codec.encode(chunk)));
                            sent.add(index);
                        }
                    }
                    for (int k = 0; k < acks.size(); k++) {
                        ChunkAck ack = codec.decode(Futures.await(acks.get(k), ACK_WAIT, "chunk " + sent.get(k)), ChunkAck.class);
                        if (!ack.accepted()) {
                            refused.add(ack.index());
                        }
                    }
                }
                pending = refused;
            }
            FileSummary summary = codec.decode(client.request(FileService.COMPLETE, codec.encode(new FileRef(fileId))), FileSummary.class);
            if (summary.complete()) {
                return new UploadResult(summary, total, total - sends.length);
            }
            pending = new ArrayList<>(summary.missing());
        }
    }

    /** The chunk as it arrives for this send (null: dropped); refuses a send beyond {@link #MAX_SENDS}. */
    private FileChunk send(FileChunk chunk, int[] sends) {
        int send = ++sends[chunk.index()];
        if (send > MAX_SENDS) {
            throw new RpcException(RpcException.Kind.REMOTE, chunk.fileId() + ": chunk " + chunk.index() + " still not accepted after "
                    + MAX_SENDS + " sends");
        }
        return switch (faults.fate(chunk.index(), send)) {
            case DELIVER -> chunk;
            case DROP -> null;
            case CORRUPT -> {
                byte[] data = chunk.data().clone();
                data[data.length / 2] ^= 0x5A;
                yield new FileChunk(chunk.fileId(), chunk.index(), data, chunk.sha256());
            }
        };
    }
}
