package io.wirebench.transport.correlation;

import io.wirebench.transport.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * How a client's {@code requestAsync} stays off the network: the caller's thread only queues the request;
 * one sender thread per client takes everything queued and writes it in one batch (a Redis pipeline, a
 * run of AMQP publishes), so a caller sending at a fixed rate is never held up by a socket write or a
 * lock. The queue is bounded ({@value #CAPACITY}): a request that finds it full fails at once with a
 * TRANSPORT error saying so (the broker is pushing back), never blocks. A batch that fails fails each of
 * its requests through {@code onFailure}. Closing stops the thread within a bounded wait and fails what
 * was still queued.
 */
final class SendQueue<T> implements AutoCloseable {
    static final int CAPACITY = 65_536;
    private static final long POLL_MILLIS = 100;

    /** Writes one batch; throws if it could not. */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(List<T> batch) throws Exception;
    }

    private final BlockingQueue<T> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread sender;
    private final BiConsumer<T, Exception> onFailure;
    private volatile boolean running = true;

    SendQueue(String name, BatchWriter<T> writer, BiConsumer<T, Exception> onFailure) {
        this.onFailure = onFailure;
        sender = new Thread(() -> {
            List<T> batch = new ArrayList<>();
            while (running) {
                try {
                    T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, 1023);
                    writer.write(batch);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    batch.forEach(item -> onFailure.accept(item, e));
                } finally {
                    batch.clear();
                }
            }
        }, name);
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues {@code item}; false if the queue is full (the caller fails the request, saying so). */
    boolean offer(T item) {
        return running && queue.offer(item);
    }

    @Override
    public void close() {
        running = false;
        try {
            sender.join(POLL_MILLIS * 20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<T> left = new ArrayList<>();
        queue.drainTo(left);
        RpcException closed = new RpcException(RpcException.Kind.TRANSPORT, "client closed before the request was sent");
        left.forEach(item -> onFailure.accept(item, closed));
    }
}
