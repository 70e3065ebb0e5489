package io.wirebench.transport.serve;

import io.wirebench.transport.RemoteCredentials;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.RunCertificates;
import io.wirebench.transport.server.ServerReaper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the callers of a secured service started here need, as files in a folder of this user's only
 * ({@code serve-<pid>} in the private runtime folder): {@code secret}, this run's password (mode 600), and for
 * {@code tls} {@code ca.pem}, the authority that signed the servers' certificates. They are copied to the callers'
 * host and named there by {@link RemoteCredentials}; the secret itself is never printed. Deleted on close.
 */
public final class CallerAccessFiles implements AutoCloseable {
    private final Path folder;
    private final Path secret;
    private final Path authority;

    private CallerAccessFiles(Path folder, Path secret, Path authority) {
        this.folder = folder;
        this.secret = secret;
        this.authority = authority;
    }

    /** Writes the files {@code security} calls for (none for {@code none}: an empty set). */
    public static CallerAccessFiles write(Security security) {
        if (!security.authenticates()) {
            return new CallerAccessFiles(null, null, null);
        }
        Path folder = null;
        try {
            Path runtime = ServerReaper.directory();
            removeThoseOfEndedProcesses(runtime);
            folder = Files.createDirectory(runtime.resolve("serve-" + ProcessHandle.current().pid()),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path temp = Files.createTempFile(folder, "secret-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, RunSecrets.password() + "\n", StandardCharsets.US_ASCII);
            Path secret = Files.move(temp, folder.resolve("secret"), StandardCopyOption.ATOMIC_MOVE);
            Path authority = null;
            if (security.encrypts()) {
                authority = Files.copy(RunCertificates.get().caCertificate(), folder.resolve("ca.pem"),
                        LinkOption.NOFOLLOW_LINKS);
            }
            return new CallerAccessFiles(folder, secret, authority);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the callers' secret file" + (folder == null ? "" : " in " + folder) + ": " + e.getMessage(), e);
        }
    }

    /** Removes the folders a serve killed with SIGKILL left behind (its pid no longer runs), so no stale secret lingers. */
    private static void removeThoseOfEndedProcesses(Path runtime) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(runtime, "serve-*")) {
            for (Path stale : folders) {
                String pid = stale.getFileName().toString().substring("serve-".length());
                if (!pid.matches("\\d{1,18}") || ProcessHandle.of(Long.parseLong(pid)).isPresent()
                        || !Files.isDirectory(stale, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                for (String name : new String[] {"secret", "ca.pem"}) {
                    Files.deleteIfExists(stale.resolve(name));
                }
                try {
                    Files.delete(stale);
                } catch (DirectoryNotEmptyException notOurs) {
                    // something else is in it: left alone
                }
            }
        }
    }

    /**
     * What callers need, one line each: the address to give them (from the transport's description: its {@code url}
     * or {@code uri}, without credentials, which come from the files), then each file and how callers elsewhere name
     * their copy.
     */
    public List<String> describe(Map<String, String> transportDescription) {
        List<String> lines = new ArrayList<>();
        String url = callersUrl(transportDescription);
        if (url != null) {
            lines.add("callers' url: " + url);
        }
        if (secret != null) {
            lines.add("secret file: " + secret + " (this user's only; callers elsewhere set " + RemoteCredentials.SECRET_VARIABLE
                    + " to a copy of it, mode 600)");
        }
        if (authority != null) {
            lines.add("authority: " + authority + " (callers elsewhere set " + RemoteCredentials.AUTHORITY_VARIABLE + " to a copy of it)");
        }
        return lines;
    }

    /** The address in a transport's description ({@code url} or {@code uri}) without credentials; null if it has none. */
    public static String callersUrl(Map<String, String> transportDescription) {
        String url = transportDescription.getOrDefault("url", transportDescription.get("uri"));
        return url == null ? null : url.replaceFirst("://[^@/\\s]*@", "://");
    }

    /** The files as callers on this host name them, or null if the service is not secured. */
    public RemoteCredentials credentials() {
        return secret == null ? null : new RemoteCredentials(secret, authority);
    }

    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        for (Path file : new Path[] {secret, authority, folder}) {
            try {
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // best effort: the folder is this user's own, in the private runtime folder
            }
        }
    }
}
