package io.wirebench.transport;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a transport opened (connections, pools, clients, managed servers), closed in the reverse order
 * of opening. A failure to close one does not stop the others: at shutdown there is nothing better to
 * do with it, and every wait inside the closes is bounded by the resources themselves.
 */
public final class Resources implements AutoCloseable {
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();

    public synchronized <T extends AutoCloseable> T add(T resource) {
        opened.push(resource);
        return resource;
    }

    public synchronized void remove(AutoCloseable resource) {
        opened.remove(resource);
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception ignored) {
                // closing everything else matters more than this one's failure
            }
        }
    }
}
