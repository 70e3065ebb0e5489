package io.wirebench.schemas.model;

/**
 * The business rules of the wire contract, as constants shared by the Bean Validation annotations,
 * the JSON Schemas (which repeat them, anchored) and the payload generator. Change a rule here and
 * in {@code src/main/resources/schemas/}; {@code SchemaAgreementTest} fails until both agree.
 */
public final class Rules {
    public static final String ORDER_ID = "ord_[0-9a-z]{12}";
    public static final String CUSTOMER_ID = "cus_[0-9a-z]{12}";
    public static final String EVENT_ID = "evt_[0-9a-z]{16}";
    public static final String BATCH_ID = "bat_[0-9a-z]{12}";
    public static final String FILE_ID = "fil_[0-9a-z]{12}";
    public static final String SKU = "[A-Z]{3}-[0-9]{4,8}";
    /** Deliberately simple and identical in both validators; HV's {@code @Email} adds its own checks on top. */
    public static final String EMAIL = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
    /** The settlement currencies the order service accepts (ISO 4217 codes). */
    public static final String CURRENCY = "USD|EUR|GBP|JPY|CHF|CAD|AUD|SEK";
    public static final String COUNTRY = "[A-Z]{2}";
    public static final String POSTAL_CODE = "[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]";
    public static final String PAYMENT_TOKEN = "(tok|wal)_[A-Za-z0-9]{24}";
    public static final String LAST4 = "[0-9]{4}";
    public static final String YEAR_MONTH = "[0-9]{4}-(0[1-9]|1[0-2])";
    public static final String SHA256_HEX = "[0-9a-f]{64}";

    public static final int MAX_ITEMS = 2_000;
    public static final int MAX_QUANTITY = 10_000;
    public static final int MAX_PAYMENT_RETRIES = 5;
    public static final int MAX_METADATA_ENTRIES = 32;
    public static final int MAX_OPTIONS = 8;
    public static final int MAX_TEXT = 200;
    public static final int MAX_EVENTS_PER_BATCH = 1_000;
    public static final int MAX_CHUNK_BYTES = 1 << 20;

    private Rules() {
    }
}
