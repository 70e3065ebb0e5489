package io.wirebench.e2e.load;

/** Why a request of a load run did not count as a success; failures never enter the latency histograms. */
public enum FailureKind {
    /** No reply within the client's timeout. */
    TIMEOUT,
    /** The service answered with an error. */
    REJECTED,
    /** Connection lost, no responder, refused. */
    TRANSPORT,
    /** A reply came, but not the one this request must get. */
    WRONG_REPLY,
    /** The service answered correctly that the work failed: an order whose every charge attempt was declined, an upload it could not complete. */
    DECLINED,
    /**
     * Never sent: every user was still busy with earlier requests for longer than a request may take, or the
     * schedule (plus that wait) had ended before a user was free. The service never saw it; a run with many
     * of these was limited by requests that did not complete, and counts them as failures.
     */
    NOT_SENT,
    /**
     * Its generator, a load worker of a distributed run, stopped reporting (died, hung or lost its link to the
     * coordinator) before accounting for it: the rest of that worker's share, sent or not, counts here.
     */
    WORKER_LOST
}
