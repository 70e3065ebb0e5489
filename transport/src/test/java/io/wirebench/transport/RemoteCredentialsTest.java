package io.wirebench.transport;

import io.wirebench.transport.access.Security;
import io.wirebench.transport.nats.NatsTransport;
import io.wirebench.transport.redis.RedisTransport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files callers of a secured external server present: refused, naming the file and the variable, unless they are right. */
class RemoteCredentialsTest {
    @TempDir
    Path dir;

    private Path secretFile(String content, String mode) throws Exception {
        Path file = dir.resolve("secret");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aPrivateOneLineSecretIsRead() throws Exception {
        assertEquals("0123456789abcdef0123", new RemoteCredentials(secretFile("0123456789abcdef0123\n", "rw-------"), null).secret());
    }

    @Test
    void aSecretOthersCanReadIsRefused() throws Exception {
        Path file = secretFile("0123456789abcdef0123\n", "rw-r--r--");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteCredentials(file, null).secret());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("chmod 600")
                && e.getMessage().contains(RemoteCredentials.SECRET_VARIABLE), e.getMessage());
    }

    @Test
    void aShortOrSpacedSecretIsRefused() throws Exception {
        for (String bad : new String[] {"short", "has a space in it and more", "quote\"quote\"quote\"quote"}) {
            Path file = secretFile(bad, "rw-------");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteCredentials(file, null).secret());
            assertTrue(e.getMessage().contains("16 to 256 printable ASCII"), e.getMessage());
        }
    }

    @Test
    void aMissingSecretFileIsNamed() {
        Path missing = dir.resolve("nowhere");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RemoteCredentials(missing, null).secret());
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void securityAgainstAnExternalServerNeedsItsSecretAndForTlsItsAuthority() throws Exception {
        TransportSettings auth = new TransportSettings(Duration.ofSeconds(1), 1, "nats://127.0.0.1:1", Security.AUTH);
        IllegalArgumentException noSecret = assertThrows(IllegalArgumentException.class, () -> new NatsTransport(auth));
        assertTrue(noSecret.getMessage().contains(RemoteCredentials.SECRET_VARIABLE), noSecret.getMessage());

        Path secret = secretFile("0123456789abcdef0123", "rw-------");
        TransportSettings tls = new TransportSettings(Duration.ofSeconds(1), 1, "nats://127.0.0.1:1", Security.TLS)
                .withRemote(new RemoteCredentials(secret, null));
        IllegalArgumentException noAuthority = assertThrows(IllegalArgumentException.class, () -> new NatsTransport(tls));
        assertTrue(noAuthority.getMessage().contains(RemoteCredentials.AUTHORITY_VARIABLE), noAuthority.getMessage());

        TransportSettings redis = new TransportSettings(Duration.ofSeconds(1), 1, "redis://127.0.0.1:1", Security.AUTH)
                .withRemote(new RemoteCredentials(secretFile("short", "rw-------"), null));
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class, () -> new RedisTransport(redis));
        assertTrue(malformed.getMessage().contains("secret file"), malformed.getMessage());
    }
}
