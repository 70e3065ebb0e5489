package io.wirebench.transport.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.ForwardingClientCall;
import io.grpc.HandlerRegistry;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import io.wirebench.transport.ErrorText;
import io.wirebench.transport.Futures;
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.Resources;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportProvider;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.BodyLimit;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.server.RunCertificates;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * gRPC unary calls with grpc-java over Netty ({@code grpc-netty-shaded}), the way its maintainers recommend for
 * RPC: one {@link ManagedChannel} per client, shared by all its callers (HTTP/2 multiplexes their calls over one
 * connection), a deadline on every call ({@code withDeadlineAfter}, gRPC's own deadline propagation: a service
 * drops a call whose deadline passed before a handler took it, and counts it), and a byte-array marshaller, so
 * every codec rides on it as on the other transports. The service is a Netty server in this JVM (like the HTTP
 * service) with one method per endpoint, {@code wirebench.Rpc/<endpoint>}, found through a handler registry;
 * each endpoint's handlers run on a pool of {@code responders} threads of its own. A handler failure is
 * {@code INTERNAL} with the {@link ErrorText} ({@code REMOTE}); an unknown endpoint {@code UNIMPLEMENTED}, an
 * unreachable service {@code UNAVAILABLE} ({@code TRANSPORT}); a passed deadline {@code TIMEOUT}. {@code auth}: a
 * bearer token in the call's metadata ({@code UNAUTHENTICATED} otherwise); {@code tls}: that over TLS with this
 * run's certificate. With {@code grpcUrl} ({@code grpc://host:port}) the clients target that service instead.
 */
public final class GrpcTransport implements Transport {
    static final String SERVICE = "wirebench.Rpc";
    private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** Room beyond the body limit for a reply (the largest is about the size of its request). */
    private static final int MAX_MESSAGE = (int) Math.min(Integer.MAX_VALUE, BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES);

    private final TransportSettings settings;
    private final Resources opened = new Resources();
    private volatile URI target;

    public GrpcTransport(TransportSettings settings) {
        this.settings = settings;
        settings.requireCredentialsFor(name());
        this.target = settings.externalUrl() == null ? null : URI.create(settings.externalUrl());
    }

    @Override
    public String name() {
        return "grpc";
    }

    /** The byte-array marshaller: the codec's bytes are the message. */
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try (stream) {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read a gRPC message", e);
            }
        }
    };

    /** An endpoint's unary method, {@code wirebench.Rpc/<endpoint>}, its messages the codec's bytes as they are. */
    public static MethodDescriptor<byte[], byte[]> method(String endpoint) {
        return MethodDescriptor.<byte[], byte[]>newBuilder().setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, endpoint))
                .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();
    }

    @Override
    public RpcServer newServer() {
        Map<String, ServerMethodDefinition<?, ?>> methods = new ConcurrentHashMap<>();
        List<ExecutorService> pools = new CopyOnWriteArrayList<>();
        LongAdder expired = new LongAdder();
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(settings.bind().literal(), 0))
                .directExecutor() // the transport's callbacks only hand a call to its endpoint's pool
                .maxInboundMessageSize(MAX_MESSAGE)
                .fallbackHandlerRegistry(new HandlerRegistry() {
                    @Override
                    public ServerMethodDefinition<?, ?> lookupMethod(String methodName, String authority) {
                        return methods.get(methodName);
                    }
                });
        if (settings.security().encrypts()) {
            RunCertificates.ServerIdentity identity =
                    RunCertificates.get().serverIdentity(settings.bind());
            try {
                builder.sslContext(GrpcSslContexts.forServer(identity.certificate().toFile(), identity.key().toFile()).build());
            } catch (IOException e) {
                throw new RpcException(RpcException.Kind.TRANSPORT, "grpc: cannot load this run's certificate: " + e.getMessage(), e);
            }
        }
        if (settings.security().authenticates()) {
            builder.intercept(bearerCheck("Bearer " + RunSecrets.password()));
        }
        Server server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "grpc: the service did not start on " + settings.bind() + ": " + e.getMessage(), e);
        }
        if (settings.externalUrl() == null) {
            target = URI.create("grpc://" + settings.bind().dialHost() + ":" + server.getPort());
        }
        RpcServer rpc = new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                ExecutorService responders = Executors.newFixedThreadPool(settings.responderThreads(), r -> {
                    Thread t = new Thread(r, "grpc-" + endpoint);
                    t.setDaemon(true);
                    return t;
                });
                pools.add(responders);
                MethodDescriptor<byte[], byte[]> method = method(endpoint);
                methods.put(method.getFullMethodName(), ServerMethodDefinition.create(method, ServerCalls.asyncUnaryCall(
                        (request, reply) -> {
                            Deadline deadline = Context.current().getDeadline();
                            responders.execute(() -> respond(handler, request, reply, deadline, expired));
                        })));
            }

            @Override
            public long expired() {
                return expired.sum();
            }

            @Override
            public void close() {
                server.shutdown();
                try {
                    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    server.shutdownNow();
                }
                pools.forEach(ExecutorService::shutdownNow);
            }
        };
        opened.add(rpc);
        return rpc;
    }

    private static void respond(RpcHandler handler, byte[] request, StreamObserver<byte[]> reply, Deadline deadline, LongAdder expired) {
        if (deadline != null && deadline.isExpired()) {
            expired.increment(); // the caller has given up: no work
            reply.onError(Status.DEADLINE_EXCEEDED.withDescription("deadline passed before a responder took it").asRuntimeException());
            return;
        }
        byte[] answer;
        try {
            answer = handler.handle(request);
        } catch (Exception e) {
            reply.onError(Status.INTERNAL.withDescription(ErrorText.of(e)).asRuntimeException());
            return;
        }
        reply.onNext(answer);
        reply.onCompleted();
    }

    private static ServerInterceptor bearerCheck(String expected) {
        return new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                if (!expected.equals(headers.get(AUTHORIZATION))) {
                    call.close(Status.UNAUTHENTICATED.withDescription("missing or wrong bearer token"), new Metadata());
                    return new ServerCall.Listener<>() {
                    };
                }
                return next.startCall(call, headers);
            }
        };
    }

    @Override
    public RpcClient newClient() {
        URI to = target;
        if (to == null) {
            throw new IllegalStateException("grpc: no service started and no grpcUrl given");
        }
        NettyChannelBuilder builder = NettyChannelBuilder.forAddress(to.getHost(), to.getPort())
                .directExecutor() // callbacks only complete a future; callers' callbacks must not block, as on every transport
                .maxInboundMessageSize(MAX_MESSAGE);
        if (settings.security().encrypts()) {
            try {
                builder.sslContext(GrpcSslContexts.forClient().trustManager(settings.trustedAuthority().toFile()).build()); // checks the host name
            } catch (IOException e) {
                throw new RpcException(RpcException.Kind.TRANSPORT, "grpc: cannot load the certificate authority: " + e.getMessage(), e);
            }
        } else {
            builder.usePlaintext();
        }
        if (settings.security().authenticates()) {
            String bearer = "Bearer " + settings.secret();
            builder.intercept(new ClientInterceptor() {
                @Override
                public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                    return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                        @Override
                        public void start(Listener<R> listener, Metadata headers) {
                            headers.put(AUTHORIZATION, bearer);
                            super.start(listener, headers);
                        }
                    };
                }
            });
        }
        ManagedChannel channel = builder.build();
        RpcClient client = new Client(channel, settings.timeout());
        opened.add(client);
        return client;
    }

    /** A client: its one channel, shared by its callers; a method descriptor per endpoint, made once. */
    private static final class Client implements RpcClient {
        private final ManagedChannel channel;
        private final Duration timeout;
        private final Map<String, MethodDescriptor<byte[], byte[]>> methods = new ConcurrentHashMap<>();

        Client(ManagedChannel channel, Duration timeout) {
            this.channel = channel;
            this.timeout = timeout;
        }

        @Override
        public byte[] request(String endpoint, byte[] payload) {
            return Futures.await(requestAsync(endpoint, payload), timeout, "grpc " + endpoint);
        }

        @Override
        public CompletableFuture<byte[]> requestAsync(String endpoint, byte[] payload) {
            RpcException tooLarge = RpcException.ifTooLarge("grpc", endpoint, payload);
            if (tooLarge != null) {
                return Futures.failed(tooLarge);
            }
            CompletableFuture<byte[]> reply = new CompletableFuture<>();
            MethodDescriptor<byte[], byte[]> method = methods.computeIfAbsent(endpoint, GrpcTransport::method);
            ClientCalls.asyncUnaryCall(channel.newCall(method, CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)),
                    payload, new StreamObserver<>() {
                        @Override
                        public void onNext(byte[] value) {
                            reply.complete(value);
                        }

                        @Override
                        public void onError(Throwable t) {
                            reply.completeExceptionally(failure(endpoint, t));
                        }

                        @Override
                        public void onCompleted() {
                            if (!reply.isDone()) {
                                reply.completeExceptionally(new RpcException(RpcException.Kind.TRANSPORT, "grpc " + endpoint + ": no reply"));
                            }
                        }
                    });
            return reply;
        }

        @Override
        public void close() {
            channel.shutdown();
            try {
                if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.shutdownNow();
            }
        }
    }

    /** A call's failure as the suite's kinds: the handler threw (REMOTE), its deadline passed (TIMEOUT), or no service answered (TRANSPORT). */
    static RpcException failure(String endpoint, Throwable t) {
        Status status = t instanceof StatusRuntimeException s ? s.getStatus() : Status.fromThrowable(t);
        String what = "grpc " + endpoint + ": " + status.getCode() + (status.getDescription() == null ? "" : ": " + RunSecrets.mask(status.getDescription()));
        RpcException.Kind kind = switch (status.getCode()) {
            case INTERNAL, UNKNOWN -> RpcException.Kind.REMOTE;
            case DEADLINE_EXCEEDED -> RpcException.Kind.TIMEOUT;
            default -> RpcException.Kind.TRANSPORT;
        };
        return new RpcException(kind, what, t);
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transport", name());
        d.put("url", String.valueOf(target));
        d.put("client", "grpc-java " + LibraryVersions.of("io.grpc", "grpc-netty-shaded")
                + " (netty-shaded), one channel per client shared by its callers, unary calls, byte-array marshaller");
        d.put("server", settings.externalUrl() == null ? "grpc-java Netty server in this JVM, HTTP/2" : "external");
        d.put("responders", settings.responderThreads() + " handler threads per endpoint");
        d.put("security", settings.security().describe("TLS, bearer token", "bearer token"));
        return d;
    }

    @Override
    public void close() {
        opened.close();
    }

    /** {@code grpc}: a grpc-java service in this JVM, or an external one ({@code -DgrpcUrl}, {@code WIREBENCH_GRPC_URL}). */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("grpc", GrpcTransport::new).external("grpcUrl", "WIREBENCH_GRPC_URL", "grpc", "grpc").floor(GrpcBareLoop::measure));
        }
    }
}
