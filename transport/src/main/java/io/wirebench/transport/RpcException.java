package io.wirebench.transport;

import io.wirebench.transport.access.BodyLimit;
import io.wirebench.transport.access.RunSecrets;

/** A request that did not get its reply, by kind, so a load run can count failures apart from latency. Its message never shows a secret ({@link RunSecrets#mask}). */
public final class RpcException extends RuntimeException {
    /** Why a request failed. */
    public enum Kind {
        /** No reply within the client's timeout. */
        TIMEOUT,
        /** The service answered with an error (its handler threw). */
        REMOTE,
        /** The transport failed: no connection, no responder, broken pipe. */
        TRANSPORT
    }

    private final Kind kind;

    public RpcException(Kind kind, String message, Throwable cause) {
        super(kind + ": " + RunSecrets.mask(message), cause); // a connection error may quote a URL with its password
        this.kind = kind;
    }

    public RpcException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** A TRANSPORT error naming the transport, the endpoint, the size and the limit if {@code body} is larger than {@link BodyLimit#MAX_BYTES}; else null. */
    public static RpcException ifTooLarge(String transport, String endpoint, byte[] body) {
        if (body.length <= BodyLimit.MAX_BYTES) {
            return null;
        }
        return new RpcException(Kind.TRANSPORT, transport + " " + endpoint + ": a body of " + body.length
                + " bytes exceeds the limit of " + BodyLimit.MAX_BYTES + " bytes (-Dwirebench.maxBody); not sent");
    }
}
