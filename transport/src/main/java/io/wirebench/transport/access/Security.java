package io.wirebench.transport.access;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a transport's connections are protected, a benchmark parameter so that what authentication and
 * TLS cost is measured, not guessed. {@code none}: plain TCP on loopback, no credentials (the servers'
 * defaults). {@code auth}: the server requires credentials ({@link RunSecrets}): a NATS token, an HTTP
 * bearer token, a Redis password ({@code requirepass}), an AMQP user of its own. {@code tls}: the same
 * credentials over TLS, with a certificate authority and a server certificate made for this run
 * ({@code RunCertificates}); clients trust that authority only and check the
 * server's name (the host they dial: 127.0.0.1, or a serve's {@link BindAddress}).
 */
public enum Security {
    NONE, AUTH, TLS;

    public boolean authenticates() {
        return this != NONE;
    }

    public boolean encrypts() {
        return this == TLS;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For a transport's description: the parameter, and what it means on that transport ({@code tls}: e.g. "TLS, token"). */
    public String describe(String withTls, String withAuth) {
        return parameter() + (encrypts() ? " (" + withTls + ")" : authenticates() ? " (" + withAuth + ")" : "");
    }

    public static Security byName(String name) {
        for (Security s : values()) {
            if (s.parameter().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown security '" + name + "'; valid: "
                + String.join(", ", Arrays.stream(values()).map(Security::parameter).toList()));
    }
}
