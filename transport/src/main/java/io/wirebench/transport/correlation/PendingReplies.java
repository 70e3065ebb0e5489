package io.wirebench.transport.correlation;

import io.wirebench.transport.Deadlines;
import io.wirebench.transport.Futures;
import io.wirebench.transport.RpcException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests waiting for their replies, by correlation id, for transports that receive replies on one
 * shared channel (Redis reply list, RabbitMQ direct reply-to). Each entry times out on its own; a late
 * reply for a timed-out request is dropped.
 */
public final class PendingReplies {
    private final ConcurrentHashMap<Long, CompletableFuture<byte[]>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Duration timeout;
    private final String what;

    public PendingReplies(Duration timeout, String what) {
        this.timeout = timeout;
        this.what = what;
    }

    /** A new id and its future, which fails with a TIMEOUT {@link RpcException} after the timeout. */
    long open(CompletableFuture<byte[]> reply) {
        long id = ids.incrementAndGet();
        pending.put(id, reply);
        // one sweeper for all requests, not a timer per request (Deadlines says why)
        Deadlines.bound(reply, timeout, TimeoutException::new).whenComplete((r, failure) -> pending.remove(id));
        return id;
    }

    /** How many requests wait for their replies now. */
    public int inFlight() {
        return pending.size();
    }

    public void complete(long id, byte[] payload) {
        CompletableFuture<byte[]> reply = pending.remove(id);
        if (reply != null) {
            reply.complete(payload);
        }
    }

    public void fail(long id, RpcException failure) {
        CompletableFuture<byte[]> reply = pending.remove(id);
        if (reply != null) {
            reply.completeExceptionally(failure);
        }
    }

    public void failAll(String reason) {
        pending.forEach((id, reply) -> reply.completeExceptionally(new RpcException(RpcException.Kind.TRANSPORT, what + ": " + reason)));
        pending.clear();
    }

    /** Maps the timeout of {@link CompletableFuture#orTimeout} to a TIMEOUT {@link RpcException}. */
    CompletableFuture<byte[]> withRpcTimeout(CompletableFuture<byte[]> reply) {
        return reply.handle((bytes, failure) -> {
            if (failure == null) {
                return bytes;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof TimeoutException) {
                throw new RpcException(RpcException.Kind.TIMEOUT, what + ": no reply within " + timeout.toMillis() + " ms", cause);
            }
            throw Futures.asRpc(cause, what);
        });
    }
}
