package io.wirebench.transport.floor;

/**
 * A transport's own client and server, driven with no suite code in between: the floor that the suite's
 * {@code RpcClient} path is measured against. The service side runs the same {@code orders} handler as the
 * suite's service, on the same number of responder threads, so a floor and the suite's figure do the same
 * work and differ only in the caller's path.
 */
public interface BareLoop extends AutoCloseable {

    /** The suite's transport name this is the floor of ({@code nats}, {@code redis}, ...). */
    String transport();

    /** What measures it: the client library and how it is driven ("jnats: Connection.request loop, ..."). */
    String tool();

    /** The client library's version. */
    String version();

    /** One caller: a connection or channel of its own, used by one thread. */
    Caller newCaller();

    @Override
    void close();

    /** One thread's way to make a synchronous round trip; throws on a failure or a wrong reply. */
    interface Caller extends AutoCloseable {
        byte[] call(byte[] request) throws Exception;

        @Override
        void close();
    }
}
