package io.wirebench.transport.floor;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.transport.OrderReceiptHandler;
import io.wirebench.transport.server.ManagedServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What every floor measures, and how: the shapes and caller counts, the codec of the bodies and the handler, the
 * service side's responders (as the suite's), the warm-up and rounds, and a scratch folder for a tool's files. It
 * also holds the steps every floor shares: the bodies of a shape, the reply check, a bare loop measured at each
 * caller count, and an external tool's warmed rounds.
 */
public record FloorPlan(Codec codec, List<String> shapes, List<Integer> callers, int responders, Duration warmup, Duration round,
                        int rounds, Path work) {

    public FloorPlan {
        shapes = List.copyOf(shapes);
        callers = List.copyOf(callers);
    }

    /** The service side's handler: every floor's service answers with the suite's own. */
    public OrderReceiptHandler handler() {
        return new OrderReceiptHandler(codec);
    }

    /** A shape's 16 orders (the suite's seed and count) and their encoded requests. */
    public record Bodies(String shape, Order[] orders, byte[][] requests) {
    }

    public Bodies bodies(String shape) {
        Order[] orders = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).orders(Shape.byName(shape), 16).toArray(new Order[0]);
        byte[][] requests = new byte[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            requests[i] = codec.encode(orders[i]);
        }
        return new Bodies(shape, orders, requests);
    }

    /** Fails unless {@code reply} is {@code order}'s receipt: a floor that answers wrongly is no floor. */
    public void checkReply(String transport, byte[] reply, Order order) {
        OrderReceipt receipt = codec.decode(reply, OrderReceipt.class);
        if (!receipt.equals(OrderReceipt.of(order))) {
            throw new IllegalStateException(transport + ": wrong reply to order " + order.id() + ": " + receipt + "; no floor is measured");
        }
    }

    /** Every shape's replies checked, then measured in a closed loop at each caller count. */
    public List<PeerResult> measure(BareLoop bare) throws Exception {
        ClosedLoop loop = new ClosedLoop(warmup, round, rounds);
        List<PeerResult> results = new ArrayList<>();
        for (String shape : shapes) {
            Bodies bodies = bodies(shape);
            try (BareLoop.Caller check = bare.newCaller()) {
                for (int i = 0; i < bodies.orders().length; i++) {
                    checkReply(bare.transport(), check.call(bodies.requests()[i]), bodies.orders()[i]);
                }
            }
            for (int n : callers) {
                System.out.println("peers: " + bare.transport() + " " + shape + " x" + n + " (" + bare.tool() + ")");
                String command = "scripts/bench peers: " + bare.transport() + " bare loop, shape=" + shape + ", " + n + " callers, " + responders
                        + " responders, codec " + codec.name() + ", " + warmup.toSeconds() + " s warm-up, " + rounds + " x " + round.toSeconds() + " s";
                results.add(new PeerResult(bare.transport(), bare.tool(), bare.version(), command, shape, n, PeerResult.FLOOR,
                        loop.run(bare, bodies.requests(), n)));
            }
        }
        return results;
    }

    /** A loop that opens its bare clients and service against a server started for it. */
    @FunctionalInterface
    public interface LoopOpener<S extends ManagedServer> {
        BareLoop open(S server) throws Exception;
    }

    /** {@code server} started, the loop {@code opener} makes measured against it, and both closed. */
    public <S extends ManagedServer> List<PeerResult> measureOn(S server, LoopOpener<S> opener) throws Exception {
        try (server) {
            server.start();
            try (BareLoop bare = opener.open(server)) {
                return measure(bare);
            }
        }
    }

    /** One round of an external tool (wrk, redis-benchmark). */
    @FunctionalInterface
    public interface ToolRound {
        PeerRound run() throws Exception;
    }

    /** An external tool's figure: one run to warm the service up, then {@link #rounds()} measured. */
    public List<PeerRound> warmedRounds(ToolRound warmupRun, ToolRound measuredRun) throws Exception {
        warmupRun.run();
        List<PeerRound> measured = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            measured.add(measuredRun.run());
        }
        return measured;
    }
}
