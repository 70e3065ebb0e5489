package io.wirebench.e2e.orders;

/**
 * What an order pipeline is run with: the payment failure injection, the gateway's retry policy, the
 * units each SKU starts with, and whether the order service validates (Hibernate Validator over the whole
 * nested order) or, for comparison, answers "valid" without looking.
 */
public record OrderPipelineSettings(FailureInjection failures, RetryPolicy retry, long initialStock, boolean validate) {

    public OrderPipelineSettings(FailureInjection failures, RetryPolicy retry, long initialStock) {
        this(failures, retry, initialStock, true);
    }

    /** Plenty of stock (a benchmark never runs out), no injected failures, the default retries, validation on. */
    public static OrderPipelineSettings defaults() {
        return new OrderPipelineSettings(FailureInjection.NONE, RetryPolicy.DEFAULT, Long.MAX_VALUE / 4, true);
    }

    public OrderPipelineSettings withFailureRate(double rate) {
        return new OrderPipelineSettings(new FailureInjection(rate, failures.seed()), retry, initialStock, validate);
    }

    public OrderPipelineSettings withInitialStock(long units) {
        return new OrderPipelineSettings(failures, retry, units, validate);
    }

    public OrderPipelineSettings withValidation(boolean on) {
        return new OrderPipelineSettings(failures, retry, initialStock, on);
    }
}
