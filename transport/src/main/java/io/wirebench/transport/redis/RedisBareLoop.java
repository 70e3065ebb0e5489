package io.wirebench.transport.redis;

import io.wirebench.transport.LibraryVersions;
import io.wirebench.transport.RpcHandler;
import io.wirebench.transport.floor.BareLoop;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import io.wirebench.transport.floor.PeerRound;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import redis.clients.jedis.Jedis;

/**
 * Jedis with nothing around it, the same list design as the suite's Redis transport: each caller has its
 * own connection and reply list, {@code LPUSH}es its request (its reply list's name in front) and
 * {@code BRPOP}s its reply; {@code responders} worker threads, each with its own connection,
 * {@code BRPOP} the request list, run the handler and {@code LPUSH} the answer to the caller's list.
 */
final class RedisBareLoop implements BareLoop {
    private static final byte[] QUEUE = "peer:orders".getBytes(StandardCharsets.UTF_8);
    private static final int POP_SECONDS = 1;
    private static final int TIMEOUT_SECONDS = 5;

    private final String host;
    private final int port;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> workers = new ArrayList<>();

    /**
     * The floor of {@code redis}: this loop against a managed redis-server started for it, and {@code redis-benchmark}'s
     * SET at each shape's body size beside it (a reference: it sends no request a service answers).
     */
    static List<PeerResult> measure(FloorPlan plan) throws Exception {
        try (ManagedRedisServer server = new ManagedRedisServer()) {
            server.start();
            List<PeerResult> results = new ArrayList<>();
            try (BareLoop bare = new RedisBareLoop("127.0.0.1", server.port(), plan.handler(), plan.responders())) {
                results.addAll(plan.measure(bare));
            }
            String version = RedisBenchmark.version();
            for (String shape : plan.shapes()) {
                int valueBytes = plan.bodies(shape).requests()[0].length;
                for (int n : plan.callers()) {
                    List<String> command = RedisBenchmark.command(server.port(), n, n == 1 ? 20_000 : 100_000, valueBytes);
                    System.out.println("peers: redis " + shape + " x" + n + " (redis-benchmark)");
                    List<PeerRound> measured = plan.warmedRounds(() -> RedisBenchmark.run(command), () -> RedisBenchmark.run(command));
                    results.add(new PeerResult("redis", "redis-benchmark", version, String.join(" ", command), shape, n, PeerResult.REFERENCE, measured));
                }
            }
            return results;
        }
    }

    RedisBareLoop(String host, int port, RpcHandler handler, int responders) {
        this.host = host;
        this.port = port;
        for (int i = 0; i < responders; i++) {
            Thread worker = new Thread(() -> serve(handler), "peer-redis-worker-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
    }

    private void serve(RpcHandler handler) {
        try (Jedis jedis = new Jedis(host, port, TIMEOUT_SECONDS * 1000)) {
            while (running.get()) {
                List<byte[]> popped = jedis.brpop(POP_SECONDS, QUEUE);
                if (popped == null || popped.size() < 2) {
                    continue;
                }
                ByteBuffer request = ByteBuffer.wrap(popped.get(1));
                byte[] replyKey = new byte[request.get() & 0xff];
                request.get(replyKey);
                byte[] body = Arrays.copyOfRange(request.array(), request.position(), request.limit());
                byte[] reply;
                try {
                    reply = handler.handle(body);
                } catch (Exception e) {
                    reply = new byte[0]; // the caller's check fails loudly
                }
                jedis.lpush(replyKey, reply);
            }
        } catch (RuntimeException e) {
            if (running.get()) {
                throw e;
            }
        }
    }

    @Override
    public String transport() {
        return "redis";
    }

    @Override
    public String tool() {
        return "Jedis: LPUSH + BRPOP loop, one connection per caller";
    }

    @Override
    public String version() {
        return LibraryVersions.of("redis.clients", "jedis");
    }

    @Override
    public Caller newCaller() {
        Jedis jedis = new Jedis(host, port, (TIMEOUT_SECONDS + 1) * 1000);
        byte[] replyKey = ("peer:reply:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return new Caller() {
            @Override
            public byte[] call(byte[] request) throws Exception {
                byte[] framed = new byte[1 + replyKey.length + request.length];
                framed[0] = (byte) replyKey.length;
                System.arraycopy(replyKey, 0, framed, 1, replyKey.length);
                System.arraycopy(request, 0, framed, 1 + replyKey.length, request.length);
                jedis.lpush(QUEUE, framed);
                List<byte[]> reply = jedis.brpop(TIMEOUT_SECONDS, replyKey);
                if (reply == null || reply.size() < 2) {
                    throw new TimeoutException("redis: no reply within " + TIMEOUT_SECONDS + " s");
                }
                return reply.get(1);
            }

            @Override
            public void close() {
                jedis.close();
            }
        };
    }

    @Override
    public void close() {
        running.set(false);
        for (Thread worker : workers) {
            try {
                worker.join(POP_SECONDS * 3_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
