package io.wirebench.transport;

/** The service's side of a transport: handlers by endpoint name, served until closed. */
public interface RpcServer extends AutoCloseable {

    void register(String endpoint, RpcHandler handler);

    @Override
    void close();
}
