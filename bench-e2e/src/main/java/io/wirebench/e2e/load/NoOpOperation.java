package io.wirebench.e2e.load;

import io.wirebench.transport.RpcClient;
import java.util.concurrent.CompletableFuture;

/**
 * A no-op service: a client whose every reply is complete at once, and checked like any reply. What the
 * generator alone can do against it is the generator's ceiling ({@code scripts/load --ceiling}); it is
 * also what distributed load workers measure their combined ceiling against.
 */
public final class NoOpOperation {
    private NoOpOperation() {
    }

    public static LoadOperation create() {
        byte[] reply = {1};
        RpcClient noop = new RpcClient() {
            @Override
            public byte[] request(String endpoint, byte[] payload) {
                return reply;
            }

            @Override
            public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
                return CompletableFuture.completedFuture(reply);
            }

            @Override
            public void close() {
            }
        };
        byte[] request = new byte[256];
        return LoadOperation.rpc(noop, "noop", i -> request, (i, bytes) -> bytes.length == 1);
    }
}
