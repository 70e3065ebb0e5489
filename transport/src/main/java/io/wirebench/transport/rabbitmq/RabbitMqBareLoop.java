package io.wirebench.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.floor.BareLoop;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * amqp-client with nothing around it, RabbitMQ's own RPC recipe: each caller has a channel of its own,
 * publishes to the request queue with {@code reply-to: amq.rabbitmq.reply-to} (direct reply-to) and waits
 * for the one reply its channel's consumer hands over; the service side is {@code responders} consumer
 * channels (manual acks, prefetch 32, as the suite's service) each publishing the handler's answer.
 * RabbitMQ's PerfTest measures one-way publish-to-consume latency and has no request-reply mode, so it
 * is no floor for an RPC; this loop is.
 */
final class RabbitMqBareLoop implements BareLoop {
    private static final String QUEUE = "peer.orders";
    private static final String REPLY_TO = "amq.rabbitmq.reply-to";
    private static final long TIMEOUT_MS = 5_000;

    private final ExecutorService consumers;
    private final Connection service;
    private final Connection callers;

    /** The floor of {@code rabbitmq}: this loop against a managed RabbitMQ node started for it. */
    static List<PeerResult> measure(FloorPlan plan) throws Exception {
        return plan.measureOn(new ManagedRabbitMqServer(), server -> new RabbitMqBareLoop(server.uri(), plan.handler(), plan.responders()));
    }

    RabbitMqBareLoop(String uri, RpcHandler handler, int responders) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        factory.setConnectionTimeout(5_000);
        consumers = Executors.newFixedThreadPool(responders, r -> {
            Thread t = new Thread(r, "peer-rabbitmq-consumer");
            t.setDaemon(true);
            return t;
        });
        service = factory.newConnection(consumers, "peer-service");
        for (int i = 0; i < responders; i++) {
            Channel channel = service.createChannel();
            channel.queueDeclare(QUEUE, false, false, false, null);
            channel.basicQos(32);
            channel.basicConsume(QUEUE, false, (tag, delivery) -> {
                byte[] reply;
                try {
                    reply = handler.handle(delivery.getBody());
                } catch (Exception e) {
                    reply = new byte[0]; // the caller's check fails loudly
                }
                channel.basicPublish("", delivery.getProperties().getReplyTo(),
                        new AMQP.BasicProperties.Builder().correlationId(delivery.getProperties().getCorrelationId()).build(), reply);
                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
            }, tag -> { });
        }
        callers = factory.newConnection("peer-callers");
    }

    @Override
    public String transport() {
        return "rabbitmq";
    }

    @Override
    public String tool() {
        return "amqp-client: direct reply-to loop, one channel per caller";
    }

    @Override
    public String version() {
        return LibraryVersions.of("com.rabbitmq", "amqp-client");
    }

    @Override
    public Caller newCaller() {
        try {
            Channel channel = callers.createChannel();
            BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);
            channel.basicConsume(REPLY_TO, true, (tag, delivery) -> replies.offer(delivery.getBody()), tag -> { });
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().replyTo(REPLY_TO).build();
            return new Caller() {
                @Override
                public byte[] call(byte[] request) throws Exception {
                    channel.basicPublish("", QUEUE, properties, request);
                    byte[] reply = replies.poll(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    if (reply == null) {
                        throw new TimeoutException("rabbitmq: no reply within " + TIMEOUT_MS + " ms");
                    }
                    return reply;
                }

                @Override
                public void close() {
                    try {
                        channel.close();
                    } catch (Exception ignored) {
                        // the connection closes with the loop
                    }
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmq: cannot open a caller's channel: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (Connection c : new Connection[] {callers, service}) {
            try {
                c.close(5_000);
            } catch (Exception ignored) {
                // closing
            }
        }
        consumers.shutdownNow();
    }
}
