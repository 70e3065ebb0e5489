package io.wirebench.e2e.orders;

/**
 * What an order pipeline is run with: the payment failure injection, the gateway's retry policy and the
 * units each SKU starts with.
 */
public record OrderPipelineSettings(FailureInjection failures, RetryPolicy retry, long initialStock) {

    /** Plenty of stock (a benchmark never runs out), no injected failures, the default retries. */
    public static OrderPipelineSettings defaults() {
        return new OrderPipelineSettings(FailureInjection.NONE, RetryPolicy.DEFAULT, Long.MAX_VALUE / 4);
    }

    public OrderPipelineSettings withFailureRate(double rate) {
        return new OrderPipelineSettings(new FailureInjection(rate, failures.seed()), retry, initialStock);
    }

    public OrderPipelineSettings withInitialStock(long units) {
        return new OrderPipelineSettings(failures, retry, units);
    }
}
