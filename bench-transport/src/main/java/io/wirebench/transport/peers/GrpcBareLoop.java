package io.wirebench.transport.peers;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import io.wirebench.transport.RpcHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java with nothing around it: one unary method with a byte-array marshaller on a Netty server whose
 * handlers run on {@code responders} threads ({@code ServerBuilder.executor}, grpc-java's own way), and callers
 * sharing one channel, each making blocking unary calls ({@code ClientCalls.blockingUnaryCall}) with a 5 s deadline.
 */
final class GrpcBareLoop implements BareLoop {
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
                throw new UncheckedIOException(e);
            }
        }
    };
    private static final MethodDescriptor<byte[], byte[]> ORDERS = MethodDescriptor.<byte[], byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY).setFullMethodName(MethodDescriptor.generateFullMethodName("peer.Orders", "orders"))
            .setRequestMarshaller(BYTES).setResponseMarshaller(BYTES).build();

    private final ExecutorService responders;
    private final Server server;
    private final ManagedChannel channel;

    GrpcBareLoop(RpcHandler handler, int responders) throws IOException {
        this.responders = Executors.newFixedThreadPool(responders, r -> {
            Thread t = new Thread(r, "peer-grpc");
            t.setDaemon(true);
            return t;
        });
        ServerServiceDefinition service = ServerServiceDefinition.builder("peer.Orders")
                .addMethod(ORDERS, ServerCalls.asyncUnaryCall((request, reply) -> {
                    try {
                        reply.onNext(handler.handle(request));
                        reply.onCompleted();
                    } catch (Exception e) {
                        reply.onError(Status.INTERNAL.withDescription(String.valueOf(e.getMessage())).asRuntimeException());
                    }
                }))
                .build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).executor(this.responders).addService(service).build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    }

    @Override
    public String transport() {
        return "grpc";
    }

    @Override
    public String tool() {
        return "grpc-java: blocking unary calls, one shared channel";
    }

    @Override
    public String version() {
        return io.grpc.internal.GrpcUtil.IMPLEMENTATION_VERSION;
    }

    @Override
    public Caller newCaller() {
        return new Caller() {
            @Override
            public byte[] call(byte[] request) {
                return ClientCalls.blockingUnaryCall(channel, ORDERS, CallOptions.DEFAULT.withDeadlineAfter(5, TimeUnit.SECONDS), request);
            }

            @Override
            public void close() {
                // the channel is shared: closed with the loop
            }
        };
    }

    @Override
    public void close() {
        channel.shutdownNow();
        server.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        responders.shutdownNow();
    }
}
