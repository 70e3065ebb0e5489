package io.wirebench.schemas.codec;

/**
 * Turns a message into bytes and back. Implementations are thread-safe and keep everything
 * reusable (readers, writers, pooled instances) across calls; the cost of a call is the cost of the
 * format. {@link #name()} is the {@code codec} parameter token and a result key: never change one.
 */
public interface Codec {

    String name();

    byte[] encode(Object message);

    /** Decodes a whole message of {@code type}; bytes that are not exactly one such message raise {@link CodecException}. */
    <T> T decode(byte[] bytes, Class<T> type);
}
