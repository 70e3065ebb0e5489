package io.wirebench.transport.correlation;

import io.wirebench.transport.Futures;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The caller's side of the transports whose replies come back on one shared channel, matched by correlation id
 * ({@link PendingReplies}: Redis's reply list, RabbitMQ's direct reply-to). {@code request} writes on the
 * caller's own thread (it blocks anyway); {@code requestAsync} only queues, and the client's {@link SendQueue}
 * writes what is queued as one batch, so no caller's thread waits on the network. A body over the limit is
 * refused before anything is sent. A transport says only how one request and one batch are written, and how
 * its connection closes.
 *
 * @param <O> a request as written: its id, where it goes, its bytes
 */
public abstract class CorrelatedRpcClient<O> implements RpcClient {
    private final String transport;
    private final Duration timeout;
    private final String pushback;
    protected final PendingReplies pending;
    private final SendQueue<O> sender;

    /** {@code pushback}: what a full send queue means on this transport ("the broker is pushing back"). */
    protected CorrelatedRpcClient(String transport, Duration timeout, PendingReplies pending, String pushback) {
        this.transport = transport;
        this.timeout = timeout;
        this.pushback = pushback;
        this.pending = pending;
        this.sender = new SendQueue<>(transport + "-sender", this::writeAll,
                (o, e) -> pending.fail(idOf(o), new RpcException(RpcException.Kind.TRANSPORT, transport + ": " + e.getMessage(), e)));
    }

    /** The request with correlation {@code id}, as this transport writes it (its deadline fixed now). */
    protected abstract O outgoing(long id, String endpoint, byte[] payload);

    protected abstract long idOf(O outgoing);

    /** Writes one request on the caller's thread. */
    protected abstract void write(O outgoing) throws Exception;

    /** Writes a batch the sender took from the queue. */
    protected abstract void writeAll(List<O> batch) throws Exception;

    /** Closes the connection(s) and reply readers, after the sender stopped and what was pending failed. */
    protected abstract void closeConnection();

    /** Blocking anyway: the request goes out on the caller's own thread, with no hand-off to the sender. */
    @Override
    public final byte[] request(String endpoint, byte[] payload) {
        return Futures.await(send(endpoint, payload, true), timeout, transport + " " + endpoint);
    }

    /** No network I/O and no lock on the caller's thread: the request is queued for the sender. */
    @Override
    public final CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
        return send(endpoint, payload, false);
    }

    private CompletableFuture<byte[]> send(String endpoint, byte[] payload, boolean onThisThread) {
        RpcException tooLarge = RpcException.ifTooLarge(transport, endpoint, payload);
        if (tooLarge != null) {
            return Futures.failed(tooLarge);
        }
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        long id = pending.open(reply);
        O outgoing = outgoing(id, endpoint, payload);
        if (onThisThread) {
            try {
                write(outgoing);
            } catch (Exception e) {
                pending.fail(id, new RpcException(RpcException.Kind.TRANSPORT, transport + " " + endpoint + ": " + e.getMessage(), e));
            }
        } else if (!sender.offer(outgoing)) {
            pending.fail(id, new RpcException(RpcException.Kind.TRANSPORT, transport + " " + endpoint + ": " + SendQueue.CAPACITY
                    + " requests already queued for sending (" + pushback + ")"));
        }
        return pending.withRpcTimeout(reply);
    }

    @Override
    public final void close() {
        sender.close();
        pending.failAll("client closed");
        closeConnection();
    }
}
