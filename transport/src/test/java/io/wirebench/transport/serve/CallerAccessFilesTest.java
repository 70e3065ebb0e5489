package io.wirebench.transport.serve;

import io.wirebench.transport.RemoteCredentials;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.ServerReaper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files a secured serve leaves for its callers: private, matching this run, never left behind. */
class CallerAccessFilesTest {

    @Test
    void theSecretFileHoldsThisRunsSecretPrivatelyAndGoesOnClose() throws Exception {
        Path secret;
        try (CallerAccessFiles files = CallerAccessFiles.write(Security.TLS)) {
            RemoteCredentials credentials = files.credentials();
            secret = credentials.secretFile();
            assertEquals(RunSecrets.password(), credentials.secret());
            assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
            assertEquals(PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(secret.getParent()));
            assertTrue(Files.exists(credentials.authority()));
            java.util.List<String> lines = files.describe(Map.of("uri", "amqps://wirebench:" + RunSecrets.password() + "@192.0.2.2:5671"));
            assertEquals("callers' url: amqps://192.0.2.2:5671", lines.get(0), "credentials are cut from the callers' URL");
            assertFalse(String.join("\n", lines).contains(RunSecrets.password()), lines.toString());
        }
        assertFalse(Files.exists(secret) || Files.exists(secret.getParent()), "removed on close");
    }

    @Test
    void withoutSecurityThereAreNoFiles() {
        try (CallerAccessFiles files = CallerAccessFiles.write(Security.NONE)) {
            assertNull(files.credentials());
            assertEquals(java.util.List.of("callers' url: nats://127.0.0.1:4222"), files.describe(Map.of("url", "nats://127.0.0.1:4222")));
        }
    }

    @Test
    void aFolderLeftByAKilledServeIsRemovedByTheNext() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path stale = Files.createDirectory(ServerReaper.directory().resolve("serve-" + gone.pid()));
        Files.writeString(stale.resolve("secret"), "0123456789abcdef0123");
        try (CallerAccessFiles files = CallerAccessFiles.write(Security.AUTH)) {
            assertFalse(Files.exists(stale), "the folder of a serve that no longer runs is removed");
        }
    }
}
