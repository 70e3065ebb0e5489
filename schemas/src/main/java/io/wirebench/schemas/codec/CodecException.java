package io.wirebench.schemas.codec;

/** A message could not be encoded or decoded; the message names the codec, the type and the reason. */
public final class CodecException extends RuntimeException {
    public CodecException(String message, Throwable cause) {
        super(message, cause);
    }

    public CodecException(String message) {
        super(message);
    }
}
