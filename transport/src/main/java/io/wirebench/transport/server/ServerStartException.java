package io.wirebench.transport.server;

/** A managed server did not start: the message names the command line, the Debian package and the log tail. */
public final class ServerStartException extends RuntimeException {
    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
