package io.wirebench.transport;

/** A service endpoint: request bytes in, reply bytes out. An exception becomes an error reply. */
@FunctionalInterface
public interface RpcHandler {
    byte[] handle(byte[] request) throws Exception;
}
