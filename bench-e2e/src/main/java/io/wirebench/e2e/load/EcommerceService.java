package io.wirebench.e2e.load;

import io.wirebench.e2e.faults.ServiceDelays;
import io.wirebench.e2e.orders.OrderGateway;
import io.wirebench.e2e.orders.OrderPipeline;
import io.wirebench.e2e.orders.OrderPipelineSettings;
import io.wirebench.e2e.stage.StageClock;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.transport.Transport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The e-commerce scenario's service side for a load run: the order pipeline (gateway, validation, inventory,
 * payment with its declines and retries) on a transport's server, and its books. The books: every accepted
 * order charged exactly once, no charge without an accepted order or one whose answer was lost; the
 * inventory holds the accepted orders' items; the ledger charged their totals. The callers ({@link
 * EcommerceClient}: this process's, or the load workers') say how many orders they sent and which went
 * unanswered.
 */
public final class EcommerceService implements ServiceSide {
    private final LoadConfig.Ecommerce config;
    private final OrderPipeline pipeline;
    private final ServiceDelays delays = new ServiceDelays();

    public EcommerceService(LoadConfig.Ecommerce config, Transport transport, Codec codec) {
        this.config = config;
        OrderPipelineSettings settings = OrderPipelineSettings.defaults().withFailureRate(config.errorRate())
                .withValidation(config.complexValidation());
        this.pipeline = new OrderPipeline(transport, codec, settings, StageClock.OFF, delays);
    }

    /** Forgets the orders checked before timing, so the books hold the run's alone. */
    @Override
    public void readyForTiming() {
        resetBooks();
    }

    public void resetBooks() {
        pipeline.ledger().clear();
        pipeline.inventory().forgetOrders();
        pipeline.gateway().resetCounts();
    }

    @Override
    public ServiceDelays delays() {
        return delays;
    }

    /** The books after a run whose callers sent {@code sent} orders and got no answer for {@code unanswered}. */
    @Override
    public Map<String, Object> accounting(long sent, Set<String> unanswered) {
        Map<String, Object> books = new LinkedHashMap<>();
        // orders whose callers gave up may still be in the gateway: every service call there is bounded by the
        // transport's timeout, a charge is tried a few times, so a minute is ample; the books are read after
        books.put("gatewayIdle", pipeline.gateway().awaitIdle(Duration.ofSeconds(60)));
        for (OrderStatus status : OrderStatus.values()) {
            books.put(status.name().toLowerCase(Locale.ROOT), pipeline.gateway().count(status));
        }
        books.put("chargeRetries", pipeline.gateway().retries());
        books.put("chargesDeclined", pipeline.ledger().declined());
        books.put("charged", pipeline.ledger().charged());
        books.put("repeatedCharges", pipeline.ledger().repeated());
        books.put("chargesVoided", pipeline.ledger().undone());
        books.put("paymentFailureRate", config.errorRate());
        books.put("complexValidation", config.complexValidation());
        long accepted = pipeline.gateway().count(OrderStatus.ACCEPTED);
        long unansweredCharged = unanswered.stream().filter(pipeline.ledger()::isCharged).count();
        books.put("sent", sent);
        books.put("unanswered", unanswered.size());
        books.put("unansweredButCharged", unansweredCharged);
        // every order charged at most once (the ledger's idempotency key); every charge belongs to an order
        // the gateway accepted, or to one whose answer was lost (the caller saw a timeout or transport error)
        boolean balanced = pipeline.ledger().charged() <= accepted + unansweredCharged
                && pipeline.ledger().charged() >= accepted;
        // stock: the inventory holds the items of the accepted orders and of those whose payment ended unknown (they
        // keep theirs), and at most the items of orders whose release went unconfirmed besides (a broker down as the
        // gateway gave their stock back); money: the ledger charged at least the accepted orders' totals, and at most
        // those plus the unknown ones' (a void may not have been confirmed)
        OrderGateway gateway = pipeline.gateway();
        long held = pipeline.inventory().unitsHeld();
        long charged = pipeline.ledger().chargedMinor();
        long kept = gateway.acceptedUnits() + gateway.unknownUnits();
        boolean stock = held >= kept && held <= kept + gateway.unreleasedUnits();
        boolean money = charged >= gateway.acceptedMinor() && charged <= gateway.acceptedMinor() + gateway.unknownMinor();
        books.put("unitsHeld", held);
        books.put("unitsAccepted", gateway.acceptedUnits());
        books.put("unitsPaymentUnknown", gateway.unknownUnits());
        books.put("unitsReleaseUnconfirmed", gateway.unreleasedUnits());
        books.put("inventoryRepeats", pipeline.inventory().repeats());
        books.put("droppedPastDeadline", pipeline.expiredRequests());
        books.put("chargedMinor", charged);
        books.put("acceptedMinor", gateway.acceptedMinor());
        books.put("paymentUnknownMinor", gateway.unknownMinor());
        books.put("stockBalances", stock);
        books.put("moneyBalances", money);
        books.put("booksBalance", balanced && stock && money);
        return books;
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
