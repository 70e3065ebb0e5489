package io.wirebench.transport.http;

import io.wirebench.transport.ErrorText;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.BodyLimit;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.FaultTarget;
import io.wirebench.transport.server.RunCertificates;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The REST side: an embedded Jetty 12 server (core API, no servlet layer) on 127.0.0.1 (or its bind address), one
 * {@code POST /rpc/<endpoint>} per handler, body in, body out, like a FastAPI or Flask endpoint.
 * HTTP/1.1 with keep-alive (Jetty's default); each endpoint's handler runs on Jetty's pooled threads, at most
 * the transport's {@code responders} at once per endpoint ({@link ResponderLane}); a handler
 * failure is a 500 with the message; an unknown endpoint a 404; a body over {@link #MAX_BODY} a 413, refused
 * from its declared length before it is read (or as soon as a chunked body passes the limit). Jetty's
 * defaults otherwise.
 */
final class JettyRpcServer implements RpcServer, FaultTarget {
    /** Largest request body accepted ({@link BodyLimit}); larger gets 413 before it is buffered. */
    static final long MAX_BODY = BodyLimit.MAX_BYTES;
    /** The connector's acceptor and selector threads, which the pool holds beside the responders. */
    private static final int IO_THREADS = 2;
    /** Threads that read a request whose endpoint is at its limit and queue it (they return at once). */
    private static final int SPARE_THREADS = 2;

    private final Server server;
    private final ServerConnector connector;
    private final Map<String, RpcHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, ResponderLane> lanes = new ConcurrentHashMap<>();
    /** Requests whose deadline passed before their lane took them. */
    private final LongAdder expired = new LongAdder();
    private final QueuedThreadPool threads;
    private final int responders;

    private final Security security;
    private final BindAddress bind;

    JettyRpcServer() {
        this(Security.NONE, TransportSettings.DEFAULT_RESPONDERS, BindAddress.LOOPBACK);
    }

    /**
     * {@code auth}: every request needs {@code Authorization: Bearer <run secret>} (else 401); {@code tls}: that over HTTPS.
     * Each endpoint's handlers run on at most {@code responders} threads at once ({@link ResponderLane}), as on every
     * transport: Jetty's pool holds that many per endpoint plus its one acceptor and one selector thread and two
     * spare, and keeps no reserved threads beyond them.
     */
    JettyRpcServer(Security security, int responders, BindAddress bind) {
        bind.requireProtectedBy(security);
        this.security = security;
        this.bind = bind;
        this.responders = responders;
        threads = new QueuedThreadPool(responders + IO_THREADS + SPARE_THREADS, Math.min(responders + IO_THREADS, 8));
        threads.setReservedThreads(0);
        threads.setName("jetty-rpc");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (security.encrypts()) {
            RunCertificates certificates = RunCertificates.get();
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStorePath(certificates.serverIdentity(bind).keyStore().toString());
            tls.setKeyStoreType("PKCS12");
            tls.setKeyStorePassword(certificates.storePassword());
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            secure.setSniHostCheck(false); // clients reach 127.0.0.1, a name SNI does not carry
            http.addCustomizer(secure);
            connector = new ServerConnector(server, 1, 1, new SslConnectionFactory(tls, "http/1.1"),
                    new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        }
        connector.setHost(bind.literal());
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                RpcHandler handler = path.startsWith("/rpc/") ? handlers.get(endpointOf(path)) : null;
                if (handler == null || !"POST".equals(request.getMethod())) {
                    writeError(response, callback, handler == null ? 404 : 405, "no endpoint " + path);
                    return true;
                }
                if (security.authenticates() && !BEARER.equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                    writeError(response, callback, 401, "missing or wrong bearer token");
                    return true;
                }
                // the body is the codec's bytes, agreed out of band as on the other transports: a form, text or
                // anything else is refused before it is read (a missing type is taken as octet-stream)
                String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
                if (type != null && !MEDIA_TYPE.equalsIgnoreCase(type.split(";", 2)[0].trim())) {
                    writeError(response, callback, 415, "content type '" + type + "' is not " + MEDIA_TYPE);
                    return true;
                }
                long declared = request.getLength();
                if (declared > MAX_BODY) {
                    writeError(response, callback, 413, "body of " + declared + " bytes exceeds " + MAX_BODY);
                    return true;
                }
                byte[] body;
                try (InputStream in = Content.Source.asInputStream(request)) {
                    body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_BODY + 1));
                }
                if (body.length > MAX_BODY) {
                    writeError(response, callback, 413, "body exceeds " + MAX_BODY + " bytes");
                    return true;
                }
                long deadline = RequestDeadline.parse(request.getHeaders().get(RequestDeadline.HEADER));
                lanes.get(endpointOf(path)).submit(() -> {
                    if (RequestDeadline.passed(deadline)) {
                        // the caller has given up: no work; a short answer closes the exchange for whoever still reads it
                        expired.increment();
                        writeError(response, callback, 504, "the request's deadline passed before the service took it");
                        return;
                    }
                    respond(handler, body, request, response, callback);
                });
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "Jetty did not start: " + e.getMessage(), e);
        }
    }

    private static String endpointOf(String path) {
        return path.substring(5);
    }

    /** Runs the handler and writes its reply (200) or its failure (500); on the thread the endpoint's lane gives it. */
    private static void respond(RpcHandler handler, byte[] body, Request request, Response response, Callback callback) {
        byte[] reply;
        try {
            reply = handler.handle(body);
        } catch (Exception e) {
            writeError(response, callback, 500, ErrorText.of(e));
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/octet-stream");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.length);
        response.write(true, ByteBuffer.wrap(reply), callback);
    }

    /**
     * An error reply: the status and, as a text/plain UTF-8 body, the error's text on one line
     * ({@link ErrorText}), not Jetty's HTML error page, so a client shows the caller what went wrong.
     */
    private static void writeError(Response response, Callback callback, int status, String message) {
        byte[] text = ErrorText.of(message).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, text.length);
        response.write(true, ByteBuffer.wrap(text), callback);
    }

    /** Fault injection: the HTTP service goes away at once (listener closed, connections dropped). */
    @Override
    public synchronized void kill() {
        int port = connector.getLocalPort();
        try {
            server.setStopTimeout(0);
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop: " + e.getMessage(), e);
        }
        connector.setPort(port);
    }

    /** Fault injection: the HTTP service listens again on its port. */
    @Override
    public synchronized void restart() {
        try {
            server.start();
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "Jetty did not restart on port " + connector.getPort() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void pause() {
        throw new UnsupportedOperationException("the HTTP service runs in this JVM: it can be killed and restarted, not paused");
    }

    @Override
    public void resume() {
        throw new UnsupportedOperationException("the HTTP service runs in this JVM: it can be killed and restarted, not paused");
    }

    /** What clients send and the server accepts: the codec's bytes. */
    static final String MEDIA_TYPE = "application/octet-stream";

    private static final String BEARER = "Bearer " + RunSecrets.password();

    String baseUrl() {
        return (security.encrypts() ? "https" : "http") + "://" + bind.dialHost() + ":" + connector.getLocalPort();
    }

    @Override
    public long expired() {
        return expired.sum();
    }

    @Override
    public void register(String endpoint, RpcHandler handler) {
        lanes.putIfAbsent(endpoint, new ResponderLane(responders));
        handlers.put(endpoint, handler);
        // every endpoint's responders can run at once, as on the other transports, plus the I/O threads and
        // threads that only read a body and queue it in a full lane
        threads.setMaxThreads(responders * lanes.size() + IO_THREADS + SPARE_THREADS);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception ignored) {
            // stopping; nothing else to do
        }
    }
}
