package io.wirebench.e2e.files;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import io.wirebench.schemas.model.Rules;
import io.wirebench.schemas.service.ChunkAck;
import io.wirebench.schemas.service.FileRef;
import io.wirebench.schemas.service.FileSummary;
import io.wirebench.transport.RpcServer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;

/**
 * The file-processing scenario's service, a multi-step pipeline:
 * <ol>
 *   <li>{@code files.manifest}: validate the manifest (sizes consistent, chunk size within the limit);</li>
 *   <li>{@code files.chunk}: verify each chunk (index, size, SHA-256) and keep it; a bad chunk is refused
 *       with the reason, and the uploader sends it again (the documented recovery);</li>
 *   <li>{@code files.complete}: if chunks are missing, answer with their indexes (the uploader re-sends
 *       them: the same recovery); else reassemble, verify the whole file's SHA-256 against the manifest,
 *       transform it (Deflate, level 1) and store the summary, dropping the chunks.</li>
 * </ol>
 */
public final class FileService {
    public static final String MANIFEST = "files.manifest";
    public static final String CHUNK = "files.chunk";
    public static final String COMPLETE = "files.complete";
    /** The largest upload one assembly may hold in memory. */
    public static final long MAX_FILE_BYTES = 256L << 20;

    private final Codec codec;
    private final Map<String, FileAssembly> assemblies = new ConcurrentHashMap<>();
    private final Map<String, FileSummary> stored = new ConcurrentHashMap<>();

    public FileService(Codec codec) {
        this.codec = codec;
    }

    public void register(RpcServer server) {
        server.register(MANIFEST, this::manifest);
        server.register(CHUNK, this::chunk);
        server.register(COMPLETE, this::complete);
    }

    byte[] manifest(byte[] request) {
        FileManifest manifest = codec.decode(request, FileManifest.class);
        String problem = problemWith(manifest);
        if (problem == null) {
            assemblies.put(manifest.fileId(), new FileAssembly(manifest));
            stored.remove(manifest.fileId());
        }
        return codec.encode(new ChunkAck(manifest.fileId(), -1, problem == null, problem));
    }

    static String problemWith(FileManifest m) {
        if (m.fileId() == null || !m.fileId().matches(Rules.FILE_ID)) {
            return "fileId must match " + Rules.FILE_ID;
        }
        if (m.totalBytes() < 1 || m.totalBytes() > MAX_FILE_BYTES) {
            return "totalBytes must be within 1.." + MAX_FILE_BYTES + ", was " + m.totalBytes();
        }
        if (m.chunkBytes() < 1 || m.chunkBytes() > Rules.MAX_CHUNK_BYTES) {
            return "chunkBytes must be within 1.." + Rules.MAX_CHUNK_BYTES + ", was " + m.chunkBytes();
        }
        long count = (m.totalBytes() + m.chunkBytes() - 1) / m.chunkBytes();
        if (m.chunkCount() != count) {
            return "chunkCount " + m.chunkCount() + " does not match totalBytes/chunkBytes (" + count + ")";
        }
        if (m.sha256() == null || !m.sha256().matches(Rules.SHA256_HEX)) {
            return "sha256 must be 64 lowercase hex digits";
        }
        return null;
    }

    byte[] chunk(byte[] request) {
        FileChunk chunk = codec.decode(request, FileChunk.class);
        FileAssembly assembly = assemblies.get(chunk.fileId());
        String problem = assembly == null ? "no manifest for " + chunk.fileId() : assembly.accept(chunk);
        return codec.encode(new ChunkAck(chunk.fileId(), chunk.index(), problem == null, problem));
    }

    byte[] complete(byte[] request) {
        FileRef ref = codec.decode(request, FileRef.class);
        FileSummary done = stored.get(ref.fileId());
        if (done != null) {
            return codec.encode(done);
        }
        FileAssembly assembly = assemblies.get(ref.fileId());
        if (assembly == null) {
            throw new IllegalArgumentException("no upload " + ref.fileId());
        }
        List<Integer> missing = assembly.missing();
        if (!missing.isEmpty()) {
            return codec.encode(new FileSummary(ref.fileId(), false, 0, null, 0, missing));
        }
        MessageDigest whole = sha256();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        long bytes = 0;
        long transformed = 0;
        byte[] buffer = new byte[64 << 10];
        try {
            for (byte[] chunk : assembly.chunks()) {
                whole.update(chunk);
                bytes += chunk.length;
                deflater.setInput(chunk);
                while (!deflater.needsInput()) {
                    transformed += deflater.deflate(buffer);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                transformed += deflater.deflate(buffer);
            }
        } finally {
            deflater.end();
        }
        String sha = HexFormat.of().formatHex(whole.digest());
        if (!sha.equals(assembly.manifest().sha256())) {
            assemblies.remove(ref.fileId());
            throw new IllegalStateException(ref.fileId() + ": whole-file SHA-256 " + sha + " differs from the manifest's "
                    + assembly.manifest().sha256() + "; upload discarded");
        }
        FileSummary summary = new FileSummary(ref.fileId(), true, bytes, sha, transformed, List.of());
        stored.put(ref.fileId(), summary);
        assemblies.remove(ref.fileId());
        return codec.encode(summary);
    }

    /** Uploads in progress (for tests: a finished or discarded upload holds no memory). */
    public int inProgress() {
        return assemblies.size();
    }

    /** Forgets stored summaries (between benchmark iterations). */
    public void clearStored() {
        stored.clear();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
