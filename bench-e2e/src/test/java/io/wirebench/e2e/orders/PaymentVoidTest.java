package io.wirebench.e2e.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.RpcClient;
import io.wirebench.transport.RpcServer;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.inmemory.InMemoryTransport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * When every charge attempt goes unanswered (the payment service charged, but its replies were lost),
 * the gateway voids the payment: the charge is taken back, a charge still in flight cannot land later,
 * the stock is released, and the order ends PAYMENT_FAILED, so no order is charged and reported failed.
 * If the void goes unanswered too, the order ends PAYMENT_UNKNOWN and keeps its stock.
 */
class PaymentVoidTest {
    private static final Codec JSON = Codecs.byName("json");
    /** The gateway's timeout for each call; a handler that takes longer has its reply lost. */
    private static final Duration TIMEOUT = Duration.ofMillis(300);

    private record Setup(PaymentLedger ledger, Inventory inventory, OrderGateway gateway) {
    }

    private static OrderOutcome submit(boolean voidAnswers, java.util.function.Consumer<Setup> check) throws Exception {
        try (InMemoryTransport transport = new InMemoryTransport(new TransportSettings(TIMEOUT, 4, null));
             RpcServer server = transport.newServer();
             RpcClient services = transport.newClient()) {
            PaymentLedger ledger = new PaymentLedger(new FailureInjection(0, 0));
            Inventory inventory = new Inventory(100);
            server.register(OrderValidationService.ENDPOINT, new OrderValidationService(JSON, null, StageClock.OFF));
            new InventoryService(JSON, inventory, StageClock.OFF).register(server);
            PaymentService payment = new PaymentService(JSON, ledger, StageClock.OFF);
            server.register(PaymentService.ENDPOINT, request -> {
                byte[] reply = payment.charge(request); // the charge happens...
                Thread.sleep(TIMEOUT.toMillis() * 2); // ...and its reply arrives after the caller gave up
                return reply;
            });
            server.register(PaymentService.VOID, request -> {
                if (!voidAnswers) {
                    Thread.sleep(TIMEOUT.toMillis() * 2);
                }
                return payment.voidPayment(request);
            });
            OrderGateway gateway = new OrderGateway(JSON, services, RetryPolicy.DEFAULT, StageClock.OFF);
            Order order = new PayloadGenerator(31).order(Shape.SMALL);
            OrderOutcome outcome = JSON.decode(gateway.handle(JSON.encode(order)), OrderOutcome.class);
            assertEquals(order.id(), outcome.orderId());
            check.accept(new Setup(ledger, inventory, gateway));
            if (voidAnswers) {
                // a charge request still in flight, arriving after the gateway gave up
                ChargeRequest late = new ChargeRequest(order.id(), order.totalMinor(), order.currency(), order.payment().token(), 9);
                assertFalse(ledger.charge(late).charged(), "a voided payment cannot be charged later");
                assertFalse(ledger.isCharged(order.id()));
            }
            return outcome;
        }
    }

    @Test
    void unansweredChargesAreVoidedAndTheOrderFailsWithNothingCharged() throws Exception {
        Order order = new PayloadGenerator(31).order(Shape.SMALL);
        OrderOutcome outcome = submit(true, s -> {
            assertFalse(s.ledger().isCharged(order.id()), "the charge was taken back");
            assertEquals(1, s.ledger().undone());
            assertEquals(0, s.ledger().charged());
            for (LineItem item : order.items()) {
                assertEquals(100, s.inventory().available(item.sku()), "stock released: " + item.sku());
            }
        });
        assertEquals(OrderStatus.PAYMENT_FAILED, outcome.status(), outcome.toString());
    }

    @Test
    void anUnconfirmedVoidIsReportedAsUnknownAndKeepsTheStock() throws Exception {
        Order order = new PayloadGenerator(31).order(Shape.SMALL);
        OrderOutcome outcome = submit(false, s -> {
            assertTrue(s.ledger().isCharged(order.id()) || s.ledger().undone() == 1, "charged, or voided late: the ledger knows which");
            for (LineItem item : order.items()) {
                assertTrue(s.inventory().available(item.sku()) < 100, "stock kept while the payment is unknown: " + item.sku());
            }
        });
        assertEquals(OrderStatus.PAYMENT_UNKNOWN, outcome.status(), outcome.toString());
        assertTrue(outcome.violations().get(0).contains("void not confirmed"), outcome.violations().toString());
    }
}
