package io.wirebench.transport.http;

import io.wirebench.transport.Futures;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.TransportSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The JDK's {@code java.net.http.HttpClient}, the client users reach for first: HTTP/1.1 forced (no
 * upgrade attempt), one client shared by all callers (it pools keep-alive connections), per-request
 * timeout. Known trap on JDK 17 (JDK-8338569): a reused connection can fail with "header parser
 * received no bytes"; such a failure is counted as a transport error, never as latency.
 */
final class JdkRpcClient implements RpcClient {
    private final HttpClient client;
    private final HttpCallSettings call;
    private final Duration timeout;

    JdkRpcClient(String baseUrl, TransportSettings settings) {
        this.call = HttpCallSettings.of(baseUrl, settings);
        this.timeout = call.timeout();
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (call.tls() != null) {
            builder.sslContext(call.tls());
        }
        this.client = builder.build();
    }

    private HttpRequest post(String endpoint, byte[] payload) {
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(call.url(endpoint))).timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .header(RequestDeadline.HEADER, Long.toString(RequestDeadline.after(timeout)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (call.authorization() != null) {
            post.header("Authorization", call.authorization());
        }
        return post.build();
    }

    private static byte[] body(HttpResponse<byte[]> response, String what) {
        if (response.statusCode() != 200) {
            throw new RpcException(response.statusCode() == 404 ? RpcException.Kind.TRANSPORT : RpcException.Kind.REMOTE,
                    what + ": HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    @Override
    public byte[] request(String endpoint, byte[] payload) {
        String what = "http-jdk " + endpoint;
        try {
            return body(client.send(post(endpoint, payload), HttpResponse.BodyHandlers.ofByteArray()), what);
        } catch (HttpTimeoutException e) {
            throw new RpcException(RpcException.Kind.TIMEOUT, what + ": no reply within " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, what + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException(RpcException.Kind.TRANSPORT, what + ": interrupted", e);
        }
    }

    @Override
    public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
        String what = "http-jdk " + endpoint;
        return client.sendAsync(post(endpoint, payload), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw Futures.asRpc(failure, what);
                    }
                    return body(response, what);
                });
    }

    @Override
    public void close() {
        // java.net.http.HttpClient has no close() on JDK 17; its connections go with it
    }
}
