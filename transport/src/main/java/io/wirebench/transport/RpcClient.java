package io.wirebench.transport;

import java.util.concurrent.CompletableFuture;

/**
 * The caller's side of a transport. Thread-safe: one client may be shared by many callers, which is
 * how each transport's maintainers recommend using a connection. Every request is bounded by the
 * client's timeout; a failure is an {@link RpcException} (sync) or a future completed with one (async).
 */
public interface RpcClient extends AutoCloseable {

    byte[] request(String endpoint, byte[] payload);

    /** Sends without waiting; the future completes with the reply or an {@link RpcException}. */
    CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload);

    @Override
    void close();
}
