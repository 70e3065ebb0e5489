package io.wirebench.schemas.service;

/** A charge: done (with its id) or declined (with the reason; a transient decline may be retried). */
public record ChargeReply(String orderId, boolean charged, String chargeId, String declineReason) {
}
