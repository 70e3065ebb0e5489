package io.wirebench.transport;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The credentials of this JVM's run, made once at random and never written anywhere but the managed
 * servers' own configuration (inside their fresh directories): the user name and the password or token
 * every {@link Security#AUTH} and {@link Security#TLS} connection presents.
 */
public final class RunSecrets {
    public static final String USER = "wirebench";
    private static final String PASSWORD;

    static {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        PASSWORD = HexFormat.of().formatHex(bytes);
    }

    private RunSecrets() {
    }

    /** The password (Redis, AMQP) or token (NATS, HTTP bearer) of this run. */
    public static String password() {
        return PASSWORD;
    }
}
