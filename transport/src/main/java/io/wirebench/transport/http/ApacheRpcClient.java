package io.wirebench.transport.http;

import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.TransportSettings;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5 "classic", the blocking client Spring's {@code RestClient} takes first when it is on the class
 * path: one {@code CloseableHttpClient} shared by all callers, its pooling connection manager (keep-alive, up to 64
 * connections), the caller's own thread doing the I/O. No automatic retries: a failure is counted, never retried
 * behind the caller's back. {@link #requestAsync} runs the blocking call on a thread of this client's, as an
 * application hands a blocking client to an executor, so a caller never waits for the network.
 */
final class ApacheRpcClient implements RpcClient {
    private static final int MAX_CONNECTIONS = 64;
    private static final int MAX_REPLY = 16 << 20;

    private final CloseableHttpClient client;
    private final HttpCallSettings call;
    /** As many threads as connections: an asynchronous call beyond them waits in this queue, not for a thread of its own. */
    private final ExecutorService async = Executors.newFixedThreadPool(MAX_CONNECTIONS, r -> {
        Thread t = new Thread(r, "apache-client-async");
        t.setDaemon(true);
        return t;
    });

    ApacheRpcClient(String baseUrl, TransportSettings settings) {
        this.call = HttpCallSettings.of(baseUrl, settings);
        Timeout timeout = Timeout.of(call.timeout());
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(timeout).build());
        if (call.tls() != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(call.tls())); // its default verifier checks the host name
        }
        this.client = HttpClients.custom().setConnectionManager(pool.build()).disableAutomaticRetries()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build()).build();
    }

    @Override
    public byte[] request(String endpoint, byte[] payload) {
        String what = "http-apache " + endpoint;
        HttpPost post = new HttpPost(call.url(endpoint));
        post.setEntity(new ByteArrayEntity(payload, ContentType.APPLICATION_OCTET_STREAM));
        post.setHeader(RequestDeadline.HEADER, Long.toString(RequestDeadline.after(call.timeout())));
        if (call.authorization() != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, call.authorization());
        }
        try {
            return client.execute(post, response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity(), MAX_REPLY);
                if (response.getCode() != 200) {
                    throw new RpcException(response.getCode() == 404 ? RpcException.Kind.TRANSPORT : RpcException.Kind.REMOTE,
                            what + ": HTTP " + response.getCode() + " " + new String(body, StandardCharsets.UTF_8));
                }
                return body;
            });
        } catch (SocketTimeoutException e) {
            throw new RpcException(RpcException.Kind.TIMEOUT, what + ": no reply within " + call.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, what + ": " + e, e);
        }
    }

    @Override
    public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        async.execute(() -> {
            try {
                reply.complete(request(endpoint, payload));
            } catch (RuntimeException e) {
                reply.completeExceptionally(e);
            }
        });
        return reply;
    }

    @Override
    public void close() {
        async.shutdownNow();
        client.close(CloseMode.IMMEDIATE);
    }
}
