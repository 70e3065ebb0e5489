package io.wirebench.transport;

import io.wirebench.transport.access.RunSecrets;

/**
 * The text an error reply carries, the same on every transport: the failure's message (its class name when it
 * has none) on one line of printable characters (CR, LF, tabs and other control characters become spaces),
 * at most {@link #MAX_CHARS} chars, secrets masked ({@link RunSecrets#mask}). Non-ASCII text stays, so it travels in a message body (UTF-8) or an AMQP
 * header, never in a NATS or HTTP header, whose values must be printable ASCII: a message that broke
 * a header once made NATS replies vanish (the caller saw a timeout 5 s later instead of the error).
 */
public final class ErrorText {
    static final int MAX_CHARS = 1_000;

    private ErrorText() {
    }

    /** The failure's message as an error reply's text; its class name when it has none. */
    public static String of(Throwable failure) {
        String message = failure.getMessage();
        return of(message == null || message.isBlank() ? failure.getClass().getSimpleName() : message);
    }

    /** {@code message} as an error reply's text. */
    public static String of(String message) {
        message = RunSecrets.mask(message);
        StringBuilder out = new StringBuilder(Math.min(message.length(), MAX_CHARS));
        boolean space = false;
        for (int i = 0; i < message.length() && out.length() < MAX_CHARS; i++) {
            char c = message.charAt(i);
            if (Character.isISOControl(c) || Character.isWhitespace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() >= MAX_CHARS && message.length() > MAX_CHARS) {
            out.setLength(MAX_CHARS - 3);
            out.append("...");
        }
        return out.toString();
    }
}
