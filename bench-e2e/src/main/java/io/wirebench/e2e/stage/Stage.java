package io.wirebench.e2e.stage;

import java.util.Locale;

/**
 * Where an order's time goes. Each stage is timed where it happens (the codec calls of every hop, the
 * validator, the stock update, the charge, the waits between charge attempts); {@link #TRANSPORT} is
 * not timed but is what is left of the end-to-end time: the network, the brokers, queueing and dispatch.
 */
public enum Stage {
    DECODE,
    VALIDATE,
    RESERVE,
    CHARGE,
    ENCODE,
    BACKOFF,
    TRANSPORT;

    /** The stages that are timed directly (all but {@link #TRANSPORT}). */
    public static final Stage[] TIMED = {DECODE, VALIDATE, RESERVE, CHARGE, ENCODE, BACKOFF};

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
