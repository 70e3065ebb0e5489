package io.wirebench.schemas.generate;

import io.wirebench.schemas.model.Address;
import io.wirebench.schemas.model.AnalyticsEvent;
import io.wirebench.schemas.model.Customer;
import io.wirebench.schemas.model.EventBatch;
import io.wirebench.schemas.model.EventType;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.FileManifest;
import io.wirebench.schemas.model.InventoryReservation;
import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.Payment;
import io.wirebench.schemas.model.PaymentMethod;
import io.wirebench.schemas.model.Rules;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Realistic, deterministic payloads: the same seed and the same sequence of calls give equal objects
 * (and so the same bytes from any codec). Not thread-safe: one generator per thread, or generate up
 * front. Times are fixed offsets from 2026-01-01T00:00:00Z, so nothing depends on the wall clock;
 * valid card expiries lie in 2032-2036.
 */
public final class PayloadGenerator {
    public static final long DEFAULT_SEED = 42L;
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] FIRST = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken",
        "Margaret", "Dennis", "Radia", "Leslie", "Tim", "Sophie", "Linus", "Guido"};
    private static final String[] LAST = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen",
        "Thompson", "Hamilton", "Ritchie", "Perlman", "Lamport", "Berners-Lee", "Wilson", "Torvalds", "Rossum"};
    private static final String[] STREETS = {"Main Street", "High Street", "Station Road", "Church Lane",
        "Mill Road", "Park Avenue", "Harbour Way", "Elm Grove"};
    private static final String[] CITIES = {"Springfield", "Riverton", "Lakeside", "Hillview", "Fairport",
        "Oakridge", "Brookfield", "Westminster"};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "SE", "CH", "CA", "AU"};
    private static final String[] CURRENCIES = Rules.CURRENCY.split("\\|");
    private static final String[] ADJECTIVES = {"Ergonomic", "Rustic", "Sleek", "Durable", "Compact", "Premium",
        "Handmade", "Wireless", "Recycled", "Lightweight"};
    private static final String[] MATERIALS = {"Steel", "Cotton", "Oak", "Granite", "Wool", "Bamboo", "Leather",
        "Aluminium", "Glass", "Ceramic"};
    private static final String[] PRODUCTS = {"Chair", "Keyboard", "Lamp", "Backpack", "Kettle", "Jacket",
        "Notebook", "Bottle", "Headphones", "Desk"};
    private static final String[] WORDS = {"designed", "for", "everyday", "use", "with", "a", "reinforced", "frame",
        "and", "soft", "finish", "that", "lasts", "years", "of", "heavy", "travel", "easy", "to", "clean",
        "shipped", "in", "plastic-free", "packaging", "backed", "by", "two-year", "warranty"};
    private static final String[] OPTION_KEYS = {"color", "size", "material", "engraving", "gift-wrap", "warranty"};
    private static final String[] OPTION_VALUES = {"red", "blue", "black", "XL", "M", "S", "oak", "walnut",
        "yes", "no", "2y", "3y"};
    private static final String ALNUM = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static final String TOKEN_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SplittableRandom random;

    public PayloadGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public PayloadGenerator() {
        this(DEFAULT_SEED);
    }

    /** A valid order of the given shape. */
    public Order order(Shape shape) {
        return order(shape, (InvalidRule) null);
    }

    /** An order of the given shape that breaks {@code rule} (valid when {@code rule} is null). */
    public Order order(Shape shape, InvalidRule rule) {
        return order(shape, rule == null ? EnumSet.noneOf(InvalidRule.class) : EnumSet.of(rule), shape.items());
    }

    /** A valid order with the given shape's text sizes but {@code items} line items (1 to {@link Rules#MAX_ITEMS}). */
    public Order order(Shape shape, int items) {
        if (items < 1 || items > Rules.MAX_ITEMS) {
            throw new IllegalArgumentException("items must be within [1, " + Rules.MAX_ITEMS + "], was " + items);
        }
        return order(shape, EnumSet.noneOf(InvalidRule.class), items);
    }

    /** An order of the given shape that breaks every rule in {@code rules} at once (an error path with many violations). */
    public Order order(Shape shape, Set<InvalidRule> rules) {
        return order(shape, rules.isEmpty() ? EnumSet.noneOf(InvalidRule.class) : EnumSet.copyOf(rules), shape.items());
    }

    private Order order(Shape shape, EnumSet<InvalidRule> rules, int itemsOfShape) {
        String id = "ord_" + token(ALNUM, 12);
        String first = pick(FIRST);
        String last = pick(LAST);
        String email = (first + "." + last + random.nextInt(1000)).toLowerCase() + "@example.com";
        if (rules.contains(InvalidRule.MISSING_FIELD)) {
            email = null;
        } else if (rules.contains(InvalidRule.BAD_EMAIL)) {
            email = first.toLowerCase() + " at example dot com";
        }
        Customer customer = new Customer("cus_" + token(ALNUM, 12), first + " " + last, email,
                shape == Shape.TINY ? null : "+1555" + (1000000 + random.nextInt(8999999)));
        Address shipping = address(shape);
        Address billing = random.nextInt(4) == 0 ? address(shape) : shipping;
        if (rules.contains(InvalidRule.BAD_COUNTRY)) {
            shipping = new Address(shipping.line1(), shipping.line2(), shipping.city(), shipping.postalCode(), "USA");
        }
        int itemCount = rules.contains(InvalidRule.NO_ITEMS) ? 0
                : rules.contains(InvalidRule.TOO_MANY_ITEMS) ? Rules.MAX_ITEMS + 1 : itemsOfShape;
        List<LineItem> items = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            items.add(lineItem(shape));
        }
        if (rules.contains(InvalidRule.NEGATIVE_QUANTITY) && itemCount > 0) {
            items.set(0, withQuantityAndSku(items.get(0), -items.get(0).quantity(), items.get(0).sku()));
        }
        if (rules.contains(InvalidRule.BAD_SKU) && itemCount > 0) {
            items.set(0, withQuantityAndSku(items.get(0), items.get(0).quantity(), "sku" + random.nextInt(1000)));
        }
        long subtotal = 0;
        for (LineItem item : items) {
            subtotal += item.lineTotalMinor();
        }
        long tax = subtotal * 8 / 100;
        long shippingFee = subtotal >= 10_000 ? 0 : 499;
        long total = subtotal + tax + shippingFee;
        if (rules.contains(InvalidRule.TOTAL_MISMATCH)) {
            total += 1 + random.nextInt(100);
        }
        boolean card = random.nextInt(3) != 0;
        String expiry = card ? (2032 + random.nextInt(5)) + "-" + String.format("%02d", 1 + random.nextInt(12)) : null;
        if (rules.contains(InvalidRule.EXPIRED_CARD)) {
            card = true;
            expiry = "2019-" + String.format("%02d", 1 + random.nextInt(12));
        }
        Payment payment = new Payment(card ? PaymentMethod.CARD : PaymentMethod.WALLET,
                (card ? "tok_" : "wal_") + token(TOKEN_CHARS, 24),
                card ? String.format("%04d", random.nextInt(10_000)) : null,
                expiry, Math.max(total, 0),
                rules.contains(InvalidRule.TOO_MANY_RETRIES) ? Rules.MAX_PAYMENT_RETRIES + 1 : 0);
        String currency = rules.contains(InvalidRule.BAD_CURRENCY) ? "usd" : pick(CURRENCIES);
        Instant created = EPOCH.plusSeconds(random.nextInt(300 * 24 * 3600)).plusMillis(random.nextInt(1000));
        Instant updated = created.plusMillis(random.nextInt(60_000));
        Map<String, String> metadata = new LinkedHashMap<>();
        for (int i = 0; i < shape.metadataEntries(); i++) {
            metadata.put(i == 0 ? "channel" : "tag-" + i, i == 0 ? "web" : sentence(24));
        }
        return new Order(id, customer, shipping, billing, items, payment, currency, subtotal, tax, shippingFee, total,
                created, updated, metadata);
    }

    /** Orders of one shape, valid, in generation order. */
    public List<Order> orders(Shape shape, int count) {
        List<Order> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            orders.add(order(shape));
        }
        return orders;
    }

    /**
     * The next order of a mixed stream in which about {@code invalidRate} (0 to 1) of the orders break
     * a rule; the rule is drawn uniformly from {@code rules} (all rules when empty).
     */
    public GeneratedOrder next(Shape shape, double invalidRate, InvalidRule... rules) {
        if (!(invalidRate >= 0 && invalidRate <= 1)) {
            throw new IllegalArgumentException("invalidRate must be within [0, 1], was " + invalidRate);
        }
        InvalidRule[] pool = rules.length == 0 ? InvalidRule.values() : rules;
        InvalidRule rule = random.nextDouble() < invalidRate ? pool[random.nextInt(pool.length)] : null;
        return new GeneratedOrder(order(shape, rule), rule);
    }

    public InventoryReservation reservation(Order order, int line) {
        LineItem item = order.items().get(line);
        return new InventoryReservation(order.id(), item.sku(), item.quantity(), "wh-" + (1 + random.nextInt(4)),
                order.createdAt().plusSeconds(900));
    }

    public AnalyticsEvent event() {
        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("page", "/products/" + random.nextInt(5_000));
        attributes.put("referrer", random.nextBoolean() ? "search" : "direct");
        attributes.put("device", random.nextBoolean() ? "mobile" : "desktop");
        return new AnalyticsEvent("evt_" + token(ALNUM, 16), type,
                type.name().toLowerCase() + ":" + pick(PRODUCTS).toLowerCase(),
                "cus_" + token(ALNUM, 12), "ses_" + token(ALNUM, 20),
                EPOCH.plusMillis(random.nextLong(300L * 24 * 3600 * 1000)),
                type == EventType.PURCHASE ? 100 + random.nextInt(100_000) : 1, attributes);
    }

    /** A batch of {@code size} events (the scenarios use 1, 100 and 1,000). */
    public EventBatch eventBatch(int size) {
        List<AnalyticsEvent> events = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            events.add(event());
        }
        return new EventBatch("bat_" + token(ALNUM, 12), "web-" + random.nextInt(16), events);
    }

    /** One chunk of {@code bytes} random bytes with its correct SHA-256. */
    public FileChunk fileChunk(String fileId, int index, int bytes) {
        byte[] data = new byte[bytes];
        random.nextBytes(data);
        return new FileChunk(fileId, index, data, sha256(data));
    }

    /** A whole upload of {@code totalBytes}, split into chunks of {@code chunkBytes} (the last may be shorter). */
    public FileUpload fileUpload(long totalBytes, int chunkBytes) {
        if (totalBytes < 1 || chunkBytes < 1 || chunkBytes > Rules.MAX_CHUNK_BYTES) {
            throw new IllegalArgumentException("need totalBytes >= 1 and 1 <= chunkBytes <= " + Rules.MAX_CHUNK_BYTES);
        }
        String fileId = "fil_" + token(ALNUM, 12);
        int count = (int) ((totalBytes + chunkBytes - 1) / chunkBytes);
        List<FileChunk> chunks = new ArrayList<>(count);
        MessageDigest whole = digest();
        for (int i = 0; i < count; i++) {
            int size = (int) Math.min(chunkBytes, totalBytes - (long) i * chunkBytes);
            FileChunk chunk = fileChunk(fileId, i, size);
            whole.update(chunk.data());
            chunks.add(chunk);
        }
        FileManifest manifest = new FileManifest(fileId, "upload-" + fileId.substring(4) + ".bin",
                "application/octet-stream", totalBytes, chunkBytes, count, HexFormat.of().formatHex(whole.digest()));
        return new FileUpload(manifest, chunks);
    }

    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    private Address address(Shape shape) {
        return new Address((1 + random.nextInt(999)) + " " + pick(STREETS),
                shape == Shape.TINY || random.nextBoolean() ? null : "Apartment " + (1 + random.nextInt(200)),
                pick(CITIES), String.valueOf(10_000 + random.nextInt(89_999)), pick(COUNTRIES));
    }

    private LineItem lineItem(Shape shape) {
        String sku = pick(new String[] {"ELC", "HOM", "APP", "OUT", "OFF"}) + "-" + (1000 + random.nextInt(9_999_000));
        String name = pick(ADJECTIVES) + " " + pick(MATERIALS) + " " + pick(PRODUCTS);
        Map<String, String> options = new LinkedHashMap<>();
        int optionCount = shape == Shape.TINY ? 1 : 1 + random.nextInt(3);
        for (int i = 0; i < optionCount; i++) {
            options.put(OPTION_KEYS[(i * 2 + random.nextInt(2)) % OPTION_KEYS.length], pick(OPTION_VALUES));
        }
        return new LineItem(sku, name, shape.descriptionChars() == 0 ? null : sentence(shape.descriptionChars()),
                1 + random.nextInt(5), 99 + random.nextInt(50_000), options);
    }

    private static LineItem withQuantityAndSku(LineItem item, int quantity, String sku) {
        return new LineItem(sku, item.name(), item.description(), quantity, item.unitPriceMinor(), item.options());
    }

    private String sentence(int approxChars) {
        StringBuilder text = new StringBuilder(approxChars + 16);
        while (text.length() < approxChars) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(pick(WORDS));
        }
        return text.toString();
    }

    private String token(String alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(chars);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
