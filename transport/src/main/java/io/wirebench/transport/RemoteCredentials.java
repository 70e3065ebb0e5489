package io.wirebench.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * What the callers of a secured server started by another process (or host) present: a copy of that side's
 * secret file and, for {@code tls}, of its certificate authority ({@code ca.pem}); {@code scripts/serve} prints
 * where both are. Given as files, never as values, so no secret appears in a command line:
 * {@code WIREBENCH_SECRET_FILE} (or {@code -Dwirebench.secretFile}) and {@code WIREBENCH_TLS_CA}
 * (or {@code -Dwirebench.tlsAuthority}). Either may be null.
 */
public record RemoteCredentials(Path secretFile, Path authority) {
    public static final String SECRET_VARIABLE = "WIREBENCH_SECRET_FILE";
    public static final String SECRET_PROPERTY = "wirebench.secretFile";
    public static final String AUTHORITY_VARIABLE = "WIREBENCH_TLS_CA";
    public static final String AUTHORITY_PROPERTY = "wirebench.tlsAuthority";

    private static final int MIN_SECRET = 16;
    private static final int MAX_SECRET = 256;

    /** From the system properties, else the environment; null if neither file is named. */
    public static RemoteCredentials fromEnvironment() {
        Path secret = path(SECRET_PROPERTY, SECRET_VARIABLE);
        Path authority = path(AUTHORITY_PROPERTY, AUTHORITY_VARIABLE);
        return secret == null && authority == null ? null : new RemoteCredentials(secret, authority);
    }

    private static Path path(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /**
     * The secret in {@link #secretFile}: one line of 16 to 256 printable ASCII characters, no spaces or quotes, in a
     * file no other user can read (as ssh asks of a key); anything else is refused, naming the file.
     */
    public String secret() {
        if (secretFile == null) {
            throw new IllegalStateException("no secret file given: set " + SECRET_VARIABLE + " (or -D" + SECRET_PROPERTY + ")");
        }
        String where = "secret file " + secretFile + " (" + SECRET_VARIABLE + ")";
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(secretFile, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new IllegalArgumentException(where + " may be read by other users ("
                        + PosixFilePermissions.toString(permissions) + "): chmod 600 it");
            }
            String secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
            if (secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || !secret.chars().allMatch(c -> c > ' ' && c < 127 && c != '"' && c != '\'' && c != '\\')) {
                throw new IllegalArgumentException(where + " must hold one line of " + MIN_SECRET + " to " + MAX_SECRET
                        + " printable ASCII characters without spaces, quotes or backslashes");
            }
            return secret;
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + where + ": " + e.getMessage(), e);
        }
    }

}
