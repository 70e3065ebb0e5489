package io.wirebench.transport.grpc;

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
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.floor.BareLoop;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java with nothing around it: one unary method (the suite's descriptor, a byte-array marshaller) on a Netty server whose
 * handlers run on {@code responders} threads ({@code ServerBuilder.executor}, grpc-java's own way), and callers
 * sharing one channel, each making blocking unary calls ({@code ClientCalls.blockingUnaryCall}) with a 5 s deadline.
 */
final class GrpcBareLoop implements BareLoop {
    /** The suite's own method descriptor (a byte-array marshaller): grpc-java's API, nothing of the suite's client or server. */
    private static final MethodDescriptor<byte[], byte[]> ORDERS = GrpcTransport.method("orders");

    private final ExecutorService responders;
    private final Server server;
    private final ManagedChannel channel;

    /** The floor of {@code grpc}: this loop's own in-process Netty server and channel. */
    static List<PeerResult> measure(FloorPlan plan) throws Exception {
        try (GrpcBareLoop bare = new GrpcBareLoop(plan.handler(), plan.responders())) {
            return plan.measure(bare);
        }
    }

    GrpcBareLoop(RpcHandler handler, int responders) throws IOException {
        this.responders = Executors.newFixedThreadPool(responders, r -> {
            Thread t = new Thread(r, "peer-grpc");
            t.setDaemon(true);
            return t;
        });
        ServerServiceDefinition service = ServerServiceDefinition.builder(ORDERS.getServiceName())
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
        return LibraryVersions.of("io.grpc", "grpc-netty-shaded");
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
