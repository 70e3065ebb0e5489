package io.wirebench.transport;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on a reply, bounded, with failures turned into {@link RpcException}s. */
public final class Futures {
    private Futures() {
    }

    public static byte[] await(CompletableFuture<byte[]> reply, Duration timeout, String what) {
        try {
            // the transport enforces the timeout itself; the extra second only guards against a lost completion
            return reply.get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new RpcException(RpcException.Kind.TIMEOUT, what + ": no reply within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw asRpc(e.getCause(), what);
        } catch (CancellationException e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, what + ": cancelled", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(RpcException.Kind.TRANSPORT, what + ": interrupted", e);
        }
    }

    public static RpcException asRpc(Throwable failure, String what) {
        if (failure instanceof RpcException rpc) {
            return rpc;
        }
        if (failure instanceof TimeoutException || failure instanceof HttpTimeoutException) {
            return new RpcException(RpcException.Kind.TIMEOUT, what + ": " + failure.getMessage(), failure);
        }
        if (failure instanceof CompletionException && failure.getCause() != null) {
            return asRpc(failure.getCause(), what);
        }
        return new RpcException(RpcException.Kind.TRANSPORT, what + ": " + failure, failure);
    }

    public static CompletableFuture<byte[]> failed(RpcException e) {
        return CompletableFuture.failedFuture(e);
    }
}
