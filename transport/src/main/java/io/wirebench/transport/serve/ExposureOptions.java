package io.wirebench.transport.serve;

import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The serve commands' {@code --security} and {@code --bind}: how the service side started here is protected and
 * where its listeners accept connections. Loopback by default; beyond it only with credentials, else refused
 * with the reason ({@link BindAddress#requireProtectedBy}).
 */
public final class ExposureOptions {

    @Option(names = "--security", defaultValue = "none", description = "none, auth (credentials) or tls (credentials over TLS); default: ${DEFAULT-VALUE}")
    String security;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "the address the started servers listen on: 127.0.0.1 (default),"
            + " 0.0.0.0 (every address) or one of this host's; beyond loopback only with --security auth or tls")
    String bind;

    /** {@code settings} with this security and bind address, checked; {@code url}: the external broker, if one was given. */
    public TransportSettings applyTo(TransportSettings settings, String url) {
        BindAddress address = BindAddress.parse(bind);
        if (url != null && !address.isLoopback()) {
            throw new IllegalArgumentException("--bind " + bind + " moves the listeners of servers started here, but --url names an external broker;"
                    + " bind that broker where it runs (an HTTP service always runs here: use --bind without --url)");
        }
        return settings.withSecurity(Security.byName(security), address);
    }

    /**
     * What a serve command prints once it serves: the transport's description (masked), where it listens, and what
     * callers need ({@link CallerAccessFiles}); {@code url} is the external broker, if one was given.
     */
    public void print(PrintWriter out, Transport transport, String url, CallerAccessFiles access) {
        Map<String, String> description = transport.describe();
        description.forEach((key, value) -> out.println(key + ": " + RunSecrets.mask(value)));
        out.println("bind: " + (url == null ? describe() : "(the external broker's)"));
        access.describe(description).forEach(out::println);
    }

    /** The bind address, described for the serve commands' output. */
    private String describe() {
        BindAddress address = BindAddress.parse(bind);
        return address.literal() + (address.isWildcard() ? " (every address: 127.0.0.1, " + String.join(", ",
                BindAddress.hostAddresses().stream().map(InetAddress::getHostAddress).toList()) + ")"
                : address.isLoopback() ? " (loopback: this host only)" : " (beyond loopback)");
    }
}
