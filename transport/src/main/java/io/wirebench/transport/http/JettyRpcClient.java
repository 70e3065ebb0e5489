package io.wirebench.transport.http;

import io.wirebench.transport.Futures;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.TransportSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.BufferingResponseListener;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Jetty 12's {@code HttpClient}: asynchronous, pooled HTTP/1.1 connections with keep-alive (up to 64
 * per destination), one client shared by all callers, as Jetty's documentation recommends.
 */
final class JettyRpcClient implements RpcClient {
    private static final int MAX_REPLY = 16 << 20;
    private final HttpClient client;
    private final HttpCallSettings call;
    private final Duration timeout;

    JettyRpcClient(String baseUrl, TransportSettings settings) {
        this.call = HttpCallSettings.of(baseUrl, settings);
        this.timeout = call.timeout();
        ClientConnector connector = new ClientConnector();
        if (call.tls() != null) {
            SslContextFactory.Client tls = new SslContextFactory.Client();
            tls.setSslContext(call.tls()); // checks the name: HTTPS identification
            connector.setSslContextFactory(tls);
        }
        HttpClientTransportOverHTTP transport = new HttpClientTransportOverHTTP(connector);
        // The response listener only completes a future, and callers' callbacks on it must not block (as on every
        // transport's I/O thread): the selector may then run it itself instead of handing each response to a pool
        // thread. The profile of one caller showed that hand-off (a pool thread woken per response) on every request.
        transport.setInvocationType(Invocable.InvocationType.NON_BLOCKING);
        client = new HttpClient(transport);
        client.setMaxConnectionsPerDestination(64);
        client.setConnectTimeout(5_000);
        client.setName("jetty-client");
        try {
            client.start();
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "Jetty client did not start: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] request(String endpoint, byte[] payload) {
        return Futures.await(requestAsync(endpoint, payload), timeout, "http " + endpoint);
    }

    @Override
    public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
        CompletableFuture<byte[]> reply = new CompletableFuture<>();
        String what = "http " + endpoint;
        client.POST(call.url(endpoint))
                .headers(h -> {
                    h.put(RequestDeadline.HEADER, Long.toString(RequestDeadline.after(timeout)));
                    if (call.authorization() != null) {
                        h.put(HttpHeader.AUTHORIZATION, call.authorization());
                    }
                })
                .body(new BytesRequestContent("application/octet-stream", payload))
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .send(new BufferingResponseListener(MAX_REPLY) {
                    @Override
                    public void onComplete(Result result) {
                        if (result.isFailed()) {
                            Throwable failure = result.getFailure();
                            reply.completeExceptionally(failure instanceof TimeoutException
                                    ? new RpcException(RpcException.Kind.TIMEOUT, what + ": no reply within " + timeout.toMillis() + " ms", failure)
                                    : Futures.asRpc(failure, what));
                        } else if (result.getResponse().getStatus() != 200) {
                            reply.completeExceptionally(new RpcException(
                                    result.getResponse().getStatus() == 404 ? RpcException.Kind.TRANSPORT : RpcException.Kind.REMOTE,
                                    what + ": HTTP " + result.getResponse().getStatus() + " " + getContentAsString(StandardCharsets.UTF_8)));
                        } else {
                            reply.complete(getContent());
                        }
                    }
                });
        return reply;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception ignored) {
            // stopping
        }
    }
}
