package io.wirebench.transport.redis;

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
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLParameters;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.Pipeline;

/**
 * The "FastAPI + Redis" design: requests queued in a Redis list per endpoint, first in first out
 * (callers {@code LPUSH}, workers {@code BRPOP}: the oldest request is served first), each worker
 * replying to the caller's own reply list, where one reader thread per client {@code BRPOP}s replies
 * and hands them to the waiting requests by correlation id ({@link Envelope}). The server runs
 * {@code responderThreads} workers, each with its own connection. Jedis 5 with a connection pool;
 * blocking pops wait at most one second at a time, so closing never hangs.
 */
public final class RedisTransport extends BrokerTransport<ManagedRedisServer> {
    private static final int POP_SECONDS = 1;
    /**
     * What a closing server or client pushes onto the lists its own threads block on, so each {@code BRPOP} returns at
     * once instead of at its timeout ({@link #POP_SECONDS}): an empty entry, which every reader skips (a request or
     * reply envelope is never empty). A wake-up left over (its reader had already gone) is skipped by the next.
     */
    private static final byte[] WAKE_UP = new byte[0];

    /** How many more replies the reader takes with one {@code RPOP key count} after each {@code BRPOP}. */
    private static final int DRAIN = 256;

    private final TransportSettings settings;
    private final URI uri;

    public RedisTransport(TransportSettings settings) {
        this.settings = settings;
        settings.requireCredentialsFor("redis");
        if (settings.externalUrl() == null) {
            ManagedRedisServer server = new ManagedRedisServer();
            server.secure(settings.security());
            server.bind(settings.bind());
            server.start();
            uri = URI.create(own(server).url());
        } else {
            uri = withPassword(URI.create(settings.externalUrl()), settings);
        }
    }

    @Override
    public String name() {
        return "redis";
    }

    /** An external URL without a password gets the one from the settings' {@link RemoteCredentials}, if security asks for one. */
    private static URI withPassword(URI uri, TransportSettings settings) {
        if (!settings.security().authenticates() || uri.getUserInfo() != null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), ":" + settings.secret(), uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), uri.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redis URL " + RunSecrets.mask(uri.toString()) + ": " + e.getMessage(), e);
        }
    }

    static byte[] queue(String endpoint) {
        return ("wirebench:rpc:" + endpoint).getBytes(StandardCharsets.UTF_8);
    }

    private JedisPool pool(int size) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(size);
        config.setMaxIdle(size);
        config.setMaxWait(Duration.ofSeconds(5));
        JedisPool pool;
        if (settings.security().encrypts()) {
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // the server's certificate must name the host dialled
            pool = new JedisPool(config, uri, 5_000, settings.clientTls().getSocketFactory(),
                    parameters, null);
        } else {
            pool = new JedisPool(config, uri, 5_000);
        }
        opened.add(pool);
        return pool;
    }

    @Override
    public RpcServer newServer() {
        // each worker holds a connection for its blocking pop: room for that many endpoints' workers
        JedisPool pool = pool(settings.responderThreads() * 32 + 2);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        List<byte[]> queues = new ArrayList<>();
        LongAdder expired = new LongAdder();
        return new RpcServer() {
            @Override
            public void register(String endpoint, RpcHandler handler) {
                queues.add(queue(endpoint));
                for (int i = 0; i < settings.responderThreads(); i++) {
                    Thread worker = new Thread(() -> serve(pool, running, queue(endpoint), handler, expired), "redis-worker-" + endpoint + "-" + i);
                    worker.setDaemon(true);
                    worker.start();
                    workers.add(worker);
                }
            }

            @Override
            public long expired() {
                return expired.sum();
            }

            @Override
            public void close() {
                running.set(false);
                wakeUp(pool, queues, settings.responderThreads());
                for (Thread worker : workers) {
                    try {
                        worker.join(POP_SECONDS * 3_000L);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                pool.close();
            }
        };
    }

    private static void serve(JedisPool pool, AtomicBoolean running, byte[] queue, RpcHandler handler,
                              LongAdder expired) {
        while (running.get()) {
            try (Jedis jedis = pool.getResource()) {
                while (running.get()) {
                    List<byte[]> popped = jedis.brpop(POP_SECONDS, queue);
                    if (popped == null || popped.size() < 2) {
                        continue;
                    }
                    byte[] request = popped.get(1);
                    if (request.length == 0) {
                        continue; // a closing server's wake-up
                    }
                    if (RequestDeadline.passed(Envelope.deadline(request))) {
                        expired.increment(); // the caller has given up: no work, no reply
                        continue;
                    }
                    byte[] reply;
                    try {
                        reply = Envelope.reply(Envelope.id(request), Envelope.OK, handler.handle(Envelope.requestPayload(request)));
                    } catch (Exception e) {
                        reply = Envelope.reply(Envelope.id(request), Envelope.ERROR, Envelope.text(ErrorText.of(e)));
                    }
                    jedis.lpush(Envelope.replyKey(request), reply);
                }
            } catch (RuntimeException connectionLost) {
                if (running.get()) {
                    ManagedSleep.pause(250);
                }
            }
        }
    }

    @Override
    public RpcClient newClient() {
        JedisPool pool = pool(64);
        byte[] replyKey = ("wirebench:reply:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        PendingReplies pending = new PendingReplies(settings.timeout(), "redis");
        AtomicBoolean running = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try (Jedis jedis = pool.getResource()) {
                    while (running.get()) {
                        List<byte[]> popped = jedis.brpop(POP_SECONDS, replyKey);
                        if (popped == null || popped.size() < 2) {
                            continue;
                        }
                        deliver(pending, popped.get(1));
                        // with other requests in flight more replies are often waiting: take them in one round trip
                        // instead of one BRPOP each (16 in flight: 13k/s before, 30k/s after); with none in flight
                        // that would only add a command per reply (one caller's p50: 108 -> 182 us)
                        if (pending.inFlight() > 0) {
                            List<byte[]> more = jedis.rpop(replyKey, DRAIN);
                            if (more != null) {
                                more.forEach(reply -> deliver(pending, reply));
                            }
                        }
                    }
                } catch (RuntimeException connectionLost) {
                    if (running.get()) {
                        ManagedSleep.pause(250);
                    }
                }
            }
        }, "redis-reply-reader");
        reader.setDaemon(true);
        reader.start();
        // requestAsync only queues: the sender pipelines what is queued in one round trip (CorrelatedRpcClient)
        record Outgoing(long id, byte[] queue, byte[] envelope) {
        }
        RpcClient client = new CorrelatedRpcClient<Outgoing>("redis", settings.timeout(), pending, "the connection is not keeping up") {
            @Override
            protected Outgoing outgoing(long id, String endpoint, byte[] payload) {
                return new Outgoing(id, queue(endpoint), Envelope.request(id, RequestDeadline.after(settings.timeout()), replyKey, payload));
            }

            @Override
            protected long idOf(Outgoing o) {
                return o.id();
            }

            @Override
            protected void write(Outgoing o) {
                try (Jedis jedis = pool.getResource()) {
                    jedis.lpush(o.queue(), o.envelope());
                }
            }

            @Override
            protected void writeAll(List<Outgoing> batch) {
                try (Jedis jedis = pool.getResource()) {
                    Pipeline pipeline = jedis.pipelined();
                    for (Outgoing o : batch) {
                        pipeline.lpush(o.queue(), o.envelope());
                    }
                    pipeline.sync();
                }
            }

            @Override
            protected void closeConnection() {
                running.set(false);
                wakeUp(pool, List.of(replyKey), 1);
                try {
                    reader.join(POP_SECONDS * 3_000L);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try (Jedis jedis = pool.getResource()) {
                    jedis.del(replyKey); // this client's reply list, with anything no one will read now
                } catch (RuntimeException serverGone) {
                    // nothing to clean where the server is gone
                }
                pool.close();
            }
        };
        opened.add(client);
        return client;
    }

    /** Pushes {@code each} wake-ups onto each list, so as many readers blocked on it return at once; a server already gone is no matter. */
    private static void wakeUp(JedisPool pool, List<byte[]> lists, int each) {
        byte[][] wakeUps = new byte[each][];
        Arrays.fill(wakeUps, WAKE_UP);
        try (Jedis jedis = pool.getResource()) {
            for (byte[] list : lists) {
                jedis.lpush(list, wakeUps);
            }
        } catch (RuntimeException serverGone) {
            // the readers' pops fail or time out on their own
        }
    }

    private static void deliver(PendingReplies pending, byte[] reply) {
        if (reply.length == 0) {
            return; // this client's own wake-up as it closes
        }
        if (Envelope.status(reply) == Envelope.OK) {
            pending.complete(Envelope.id(reply), Envelope.replyPayload(reply));
        } else {
            pending.fail(Envelope.id(reply), new RpcException(RpcException.Kind.REMOTE,
                    "redis: " + new String(Envelope.replyPayload(reply), StandardCharsets.UTF_8)));
        }
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("transport", "redis");
        d.put("url", RunSecrets.mask(uri.toString()));
        d.put("security", settings.security().describe("TLS, requirepass", "requirepass"));
        d.put("client", "Jedis " + LibraryVersions.of("redis.clients", "jedis") + " (pooled), LPUSH + BRPOP per endpoint list, reply list per client");
        d.put("responders", settings.responderThreads() + " worker threads per endpoint");
        d.put("server", serverLine());
        return d;
    }

    /** {@code redis}: a managed {@code redis-server}, or an external one ({@code -DredisUrl}, {@code WIREBENCH_REDIS_URL}). */
    public static final class Provider extends TransportProvider {
        public Provider() {
            super(describe("redis", RedisTransport::new).external("redisUrl", "WIREBENCH_REDIS_URL", "redis", "rediss").faultTarget("redis")
                    .server(ManagedRedisServer.PROGRAM).floor(RedisBareLoop::measure));
        }
    }
}
