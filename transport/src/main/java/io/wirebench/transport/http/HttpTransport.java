package io.wirebench.transport.http;

import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.Resources;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportProvider;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.server.FaultTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.eclipse.jetty.util.Jetty;

/**
 * HTTP/1.1 REST: POST of the encoded message to an embedded Jetty 12 server ({@link JettyRpcServer}),
 * with one of the production clients Java teams use, so a reader sees how much of "NATS against HTTP" is the
 * choice of HTTP client: {@code http} uses Jetty's {@code HttpClient}, {@code http-jdk} the JDK's,
 * {@code http-apache} Apache HttpClient 5's classic client. With {@code httpUrl} the clients target that base
 * URL instead of a server started here.
 */
public final class HttpTransport implements Transport {
    /** Which HTTP client the caller side uses: the transport's name, how a client is made, what it is. */
    public enum Client {
        JETTY("http", JettyRpcClient::new, () -> "Jetty HttpClient " + Jetty.VERSION),
        JDK("http-jdk", JdkRpcClient::new, () -> "java.net.http.HttpClient " + Runtime.version()),
        APACHE("http-apache", ApacheRpcClient::new,
                () -> "Apache HttpClient " + LibraryVersions.of("org.apache.httpcomponents.client5", "httpclient5") + " classic, pooled");

        private final String transport;
        private final BiFunction<String, TransportSettings, RpcClient> factory;
        private final Supplier<String> description;

        Client(String transport, BiFunction<String, TransportSettings, RpcClient> factory, Supplier<String> description) {
            this.transport = transport;
            this.factory = factory;
            this.description = description;
        }
    }

    private final TransportSettings settings;
    private final Client clientKind;
    private final Resources opened = new Resources();
    private volatile String baseUrl;

    public HttpTransport(TransportSettings settings, Client clientKind) {
        this.settings = settings;
        this.clientKind = clientKind;
        this.baseUrl = settings.externalUrl();
        settings.requireCredentialsFor(name());
    }

    @Override
    public String name() {
        return clientKind.transport;
    }

    private volatile JettyRpcServer lastServer;

    /** The HTTP service started last (the one clients reach), for fault injection; null before any. */
    public FaultTarget serviceTarget() {
        return lastServer;
    }

    /** The base URL clients reach ({@code http://<bind address>:<port>}); null before a server is started or a URL given. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public RpcServer newServer() {
        JettyRpcServer server = new JettyRpcServer(settings.security(), settings.responderThreads(), settings.bind());
        lastServer = server;
        opened.add(server);
        if (settings.externalUrl() == null) {
            baseUrl = server.baseUrl();
        }
        return server;
    }

    @Override
    public RpcClient newClient() {
        if (baseUrl == null) {
            throw new IllegalStateException(name() + ": no server started and no httpUrl given");
        }
        RpcClient client = clientKind.factory.apply(baseUrl, settings);
        opened.add(client);
        return client;
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transport", name());
        d.put("url", String.valueOf(baseUrl));
        d.put("server", "Jetty " + Jetty.VERSION + " (core API), HTTP/1.1 keep-alive");
        d.put("security", settings.security().describe("HTTPS, bearer token", "bearer token"));
        d.put("responders", settings.responderThreads() + " handler threads per endpoint (Jetty pool: those, 1 acceptor, 1 selector, 2 spare)");
        d.put("client", clientKind.description.get());
        return d;
    }

    @Override
    public void close() {
        opened.close();
    }

    @Override
    public FaultTarget faultTarget() {
        return serviceTarget();
    }

    /** {@code http}: the Jetty service with Jetty's client; {@code -DhttpUrl} / {@code WIREBENCH_HTTP_URL} points the clients elsewhere. */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("http", settings -> new HttpTransport(settings, Client.JETTY)).external("httpUrl", "WIREBENCH_HTTP_URL", "http", "https").faultTarget("http")
                    .floor(Wrk::measure, "wrk"));
        }
    }

    /** {@code http-apache}: the same service with Apache HttpClient 5's classic client. */
    public static final class ApacheProvider extends TransportProvider {
        public ApacheProvider() {
            super(describe("http-apache", settings -> new HttpTransport(settings, Client.APACHE)).external("httpUrl", "WIREBENCH_HTTP_URL", "http", "https")
                    .faultTarget("http"));
        }
    }

    /** {@code http-jdk}: the same service with the JDK's client. */
    public static final class JdkProvider extends TransportProvider {
        public JdkProvider() {
            super(describe("http-jdk", settings -> new HttpTransport(settings, Client.JDK)).external("httpUrl", "WIREBENCH_HTTP_URL", "http", "https")
                    .faultTarget("http"));
        }
    }
}
