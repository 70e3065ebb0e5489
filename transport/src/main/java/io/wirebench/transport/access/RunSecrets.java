package io.wirebench.transport.access;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The credentials of this JVM's run, made once at random and never written anywhere but the managed
 * servers' own configuration (inside their fresh directories) and, for a secured serve's callers, its
 * {@code CallerAccessFiles} (mode 600): the user name and the password or token every {@link Security#AUTH}
 * and {@link Security#TLS} connection to a server started here presents.
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

    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/:@\\s]*:)[^@\\s/]+@");

    /**
     * {@code text} with secrets masked: this run's password wherever it appears, and the password of any URL
     * that carries one ({@code amqp://user:secret@host} becomes {@code amqp://user:***@host}). Every error a
     * caller sees ({@code RpcException}, {@code ErrorText}) and every address the suite prints goes through it.
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return URL_PASSWORD.matcher(text.replace(PASSWORD, "***")).replaceAll("$1***@");
    }

    /** The password (Redis, AMQP) or token (NATS, HTTP bearer) of this run. */
    public static String password() {
        return PASSWORD;
    }
}
