package io.wirebench.transport.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import io.wirebench.transport.BrokerTransport;
import io.wirebench.transport.ErrorText;
import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.ManagedSleep;
import io.wirebench.transport.RemoteCredentials;
import io.wirebench.transport.RequestDeadline;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcException;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportProvider;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.access.RunSecrets;
import io.wirebench.transport.correlation.CorrelatedRpcClient;
import io.wirebench.transport.correlation.PendingReplies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The "Flask + RabbitMQ" design: AMQP 0-9-1 RPC as RabbitMQ's tutorial and documentation describe it.
 * Requests go to a queue per endpoint through the default exchange; the service consumes it with
 * {@code responderThreads} channels (manual acks, prefetch 32 each); replies use direct reply-to
 * ({@code amq.rabbitmq.reply-to}: no reply queue to declare), matched by correlation id. One connection
 * per client, publishes serialised on its channel (a channel is not thread-safe for publishing). A service
 * connection dispatches each channel's deliveries on a thread of its own, so a handler that blocks
 * (calling another service) holds up only its channel.
 * Automatic connection recovery on. Error replies carry a {@code wirebench-error} header.
 */
public final class RabbitMqTransport extends BrokerTransport<ManagedRabbitMqServer> {
    private static final String REPLY_TO = "amq.rabbitmq.reply-to";
    private static final String ERROR_HEADER = "wirebench-error";
    private static final String DEADLINE_HEADER = RequestDeadline.HEADER.toLowerCase(Locale.ROOT);

    private static final Pattern URI_WITHOUT_USER = Pattern.compile("^amqps?://[^@/]*(/|$)");

    private final TransportSettings settings;
    private final String uri;

    public RabbitMqTransport(TransportSettings settings) {
        this.settings = settings;
        settings.requireCredentialsFor("rabbitmq");
        if (settings.externalUrl() == null) {
            ManagedRabbitMqServer server = new ManagedRabbitMqServer();
            server.secure(settings.security());
            server.bind(settings.bind());
            server.start();
            uri = own(server).uri();
        } else {
            uri = settings.externalUrl();
        }
    }

    @Override
    public String name() {
        return "rabbitmq";
    }

    static String queue(String endpoint) {
        return "wirebench.rpc." + endpoint;
    }

    private Connection connect(String role) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setUri(uri);
            if (settings.security().authenticates() && URI_WITHOUT_USER.matcher(uri).find()) {
                factory.setUsername(RunSecrets.USER); // an external node's, from the settings' RemoteCredentials
                factory.setPassword(settings.secret());
            }
            if (settings.security().encrypts()) {
                factory.useSslProtocol(settings.clientTls());
                factory.enableHostnameVerification();
            }
            factory.setConnectionTimeout(5_000);
            factory.setAutomaticRecoveryEnabled(true);
            factory.setNetworkRecoveryInterval(250);
            factory.setRequestedHeartbeat(10);
            if (!"service".equals(role)) {
                return opened.add(factory.newConnection("wirebench-" + role));
            }
            // The client library's default consumer pool has 2 x cores threads per connection, shared by
            // every channel; a handler that blocks (a service calling another service) would starve the
            // rest. One thread per busy channel instead: deliveries stay serial per channel, as AMQP wants.
            ExecutorService consumers = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "rabbitmq-consumer");
                t.setDaemon(true);
                return t;
            });
            opened.add(consumers::shutdownNow);
            return opened.add(factory.newConnection(consumers, "wirebench-" + role));
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "cannot connect to " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public RpcServer newServer() {
        Connection connection = connect("service");
        Map<Channel, String> consumers = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        LongAdder expired = new LongAdder();
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                try {
                    for (int i = 0; i < settings.responderThreads(); i++) {
                        Channel channel = connection.createChannel();
                        channel.queueDeclare(queue(endpoint), false, false, false, null);
                        channel.basicQos(32);
                        String tag = channel.basicConsume(queue(endpoint), false, (consumerTag, delivery) -> {
                            inFlight.incrementAndGet();
                            try {
                                AMQP.BasicProperties request = delivery.getProperties();
                                Object deadline = request.getHeaders() == null ? null : request.getHeaders().get(DEADLINE_HEADER);
                                if (deadline != null && RequestDeadline.passed(RequestDeadline.parse(deadline.toString()))) {
                                    // the caller has given up (the broker drops it once its expiration passes; this one was already delivered)
                                    expired.increment();
                                    channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                                    return;
                                }
                                AMQP.BasicProperties.Builder reply = new AMQP.BasicProperties.Builder().correlationId(request.getCorrelationId());
                                byte[] body;
                                try {
                                    body = handler.handle(delivery.getBody());
                                } catch (Exception e) {
                                    reply.headers(Map.of(ERROR_HEADER, "1"));
                                    body = ErrorText.of(e).getBytes(StandardCharsets.UTF_8);
                                }
                                if (request.getReplyTo() != null) {
                                    channel.basicPublish("", request.getReplyTo(), reply.build(), body);
                                }
                                channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                            } finally {
                                inFlight.decrementAndGet();
                            }
                        }, consumerTag -> { });
                        consumers.put(channel, tag);
                    }
                } catch (Exception e) {
                    throw new RpcException(RpcException.Kind.TRANSPORT, "cannot consume " + queue(endpoint) + ": " + e.getMessage(), e);
                }
            }

            @Override
            public long expired() {
                return expired.sum();
            }

            /**
             * Stops consuming first and lets the requests being handled finish and be acknowledged (bounded:
             * 5 s), then closes: closing with an unacknowledged request would have the broker hand it to the
             * next consumer of the queue, which would handle it a second time.
             */
            @Override
            public void close() {
                consumers.forEach((channel, tag) -> {
                    try {
                        channel.basicCancel(tag);
                    } catch (Exception ignored) {
                        // the channel is gone already; nothing to stop
                    }
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                long quietSince = System.nanoTime();
                // quiet for 20 ms: deliveries already on their way to a handler get to start and finish
                while (System.nanoTime() < deadline && System.nanoTime() - quietSince < 20_000_000L) {
                    if (inFlight.get() > 0) {
                        quietSince = System.nanoTime();
                    }
                    ManagedSleep.pause(2);
                }
                try {
                    connection.close(5_000);
                } catch (Exception ignored) {
                    // closing
                }
            }
        };
    }

    @Override
    public RpcClient newClient() {
        Connection connection = connect("client");
        PendingReplies pending = new PendingReplies(settings.timeout(), "rabbitmq");
        Channel channel;
        try {
            channel = connection.createChannel();
            channel.basicConsume(REPLY_TO, true, (tag, delivery) -> {
                String correlation = delivery.getProperties().getCorrelationId();
                if (correlation == null) {
                    return;
                }
                long id = Long.parseLong(correlation);
                Map<String, Object> headers = delivery.getProperties().getHeaders();
                if (headers != null && headers.containsKey(ERROR_HEADER)) {
                    pending.fail(id, new RpcException(RpcException.Kind.REMOTE, "rabbitmq: " + new String(delivery.getBody(), StandardCharsets.UTF_8)));
                } else {
                    pending.complete(id, delivery.getBody());
                }
            }, tag -> pending.failAll("reply consumer cancelled"));
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.TRANSPORT, "cannot consume direct reply-to: " + e.getMessage(), e);
        }
        // Automatic recovery brings the channel back before its direct reply-to consumer; a publish in between is a
        // channel error ("fast reply consumer does not exist") that closes the channel for good, and every request
        // after it fails (seen in FaultRunTest's rabbitmq kill). So nothing is published from the moment recovery
        // starts until it is complete, consumers included; a request in between fails as the outage's others do.
        AtomicBoolean recovering = new AtomicBoolean();
        ((Recoverable) connection).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {
                recovering.set(true);
            }

            @Override
            public void handleRecovery(Recoverable recoverable) {
                recovering.set(false);
            }
        });
        // requestAsync only queues: the sender publishes what is queued, in turn, on the channel (CorrelatedRpcClient)
        record Outgoing(long id, String queue, AMQP.BasicProperties properties, byte[] body) {
        }
        // a body over the limit is refused before it is sent: the broker would close this channel (406), and with
        // it the direct reply-to consumer of every pending request
        return new CorrelatedRpcClient<Outgoing>("rabbitmq", settings.timeout(), pending, "the broker is pushing back") {
            @Override
            protected Outgoing outgoing(long id, String endpoint, byte[] payload) {
                return new Outgoing(id, queue(endpoint), properties(id, settings.timeout()), payload);
            }

            @Override
            protected long idOf(Outgoing o) {
                return o.id();
            }

            @Override
            protected void write(Outgoing o) throws IOException {
                refuseWhileRecovering();
                synchronized (channel) {
                    channel.basicPublish("", o.queue(), true, o.properties(), o.body());
                }
            }

            @Override
            protected void writeAll(List<Outgoing> batch) throws IOException {
                refuseWhileRecovering();
                synchronized (channel) {
                    for (Outgoing o : batch) {
                        channel.basicPublish("", o.queue(), true, o.properties(), o.body());
                    }
                }
            }

            private void refuseWhileRecovering() throws IOException {
                if (recovering.get()) {
                    throw new IOException("the connection is recovering (its reply consumer is not back yet)");
                }
            }

            @Override
            protected void closeConnection() {
                try {
                    connection.close(5_000);
                } catch (Exception ignored) {
                    // closing
                }
            }
        };
    }

    /** A request's properties: its correlation id, direct reply-to, and its deadline both as a header and as the message's expiration, so the broker drops it from the queue once its caller has given up. */
    private static AMQP.BasicProperties properties(long id, Duration timeout) {
        return new AMQP.BasicProperties.Builder().correlationId(Long.toString(id)).replyTo(REPLY_TO)
                .expiration(Long.toString(timeout.toMillis()))
                .headers(Map.of(DEADLINE_HEADER, RequestDeadline.after(timeout))).build();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transport", "rabbitmq");
        d.put("uri", RunSecrets.mask(uri));
        d.put("client", "amqp-client " + LibraryVersions.of("com.rabbitmq", "amqp-client")
                + ", direct reply-to, prefetch 32");
        d.put("responders", settings.responderThreads() + " consumer channels per endpoint");
        d.put("security", settings.security().describe("AMQPS, own user", "own user, no guest"));
        d.put("server", serverLine());
        return d;
    }

    /** {@code rabbitmq}: a private managed node, or an external one ({@code -DamqpUri}, {@code WIREBENCH_AMQP_URI}). */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("rabbitmq", RabbitMqTransport::new).external("amqpUri", "WIREBENCH_AMQP_URI", "amqp", "amqps").faultTarget("rabbitmq")
                    .server(ManagedRabbitMqServer.PROGRAM).floor(RabbitMqBareLoop::measure));
        }
    }
}
