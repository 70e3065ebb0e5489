package io.wirebench.transport;

/** The service's side of a transport: handlers by endpoint name, served until closed. */
public interface RpcServer extends AutoCloseable {

    void register(String endpoint, RpcHandler handler);

    /** Requests dropped unanswered because their deadline had passed before a handler took them ({@link RequestDeadline}). */
    long expired();

    @Override
    void close();
}
