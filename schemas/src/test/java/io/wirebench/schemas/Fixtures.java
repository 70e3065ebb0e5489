package io.wirebench.schemas;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the schemas tests share: one fixed clock, so card expiry rules do not depend on the day the tests run. */
public final class Fixtures {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }
}
