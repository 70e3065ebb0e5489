package io.wirebench.validation;

import io.wirebench.schemas.model.Address;
import io.wirebench.schemas.model.Customer;
import io.wirebench.schemas.model.LineItem;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.model.Payment;
import io.wirebench.schemas.model.Rules;
import io.wirebench.schemas.validation.SchemaViolation;
import io.wirebench.schemas.validation.YearMonths;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The floor: the same rules as the annotations on the model, written out by hand with precompiled
 * patterns and no reflection, metadata or message interpolation. Agreement with Hibernate Validator and
 * the JSON Schema on every generated payload is tested ({@code ValidatorAgreementTest}); a rule added
 * to the model must be added here too.
 */
final class ProgrammaticOrderValidator implements OrderValidator {
    private static final Pattern ORDER_ID = Pattern.compile(Rules.ORDER_ID);
    private static final Pattern CUSTOMER_ID = Pattern.compile(Rules.CUSTOMER_ID);
    private static final Pattern SKU = Pattern.compile(Rules.SKU);
    private static final Pattern EMAIL = Pattern.compile(Rules.EMAIL);
    private static final Pattern CURRENCY = Pattern.compile(Rules.CURRENCY);
    private static final Pattern COUNTRY = Pattern.compile(Rules.COUNTRY);
    private static final Pattern POSTAL_CODE = Pattern.compile(Rules.POSTAL_CODE);
    private static final Pattern PAYMENT_TOKEN = Pattern.compile(Rules.PAYMENT_TOKEN);
    private static final Pattern LAST4 = Pattern.compile(Rules.LAST4);
    private static final Pattern YEAR_MONTH = Pattern.compile(Rules.YEAR_MONTH);

    private final Clock clock;
    private final boolean failFast;

    ProgrammaticOrderValidator(Clock clock, boolean failFast) {
        this.clock = clock;
        this.failFast = failFast;
    }

    @Override
    public String name() {
        return "programmatic";
    }

    @Override
    public List<SchemaViolation> validate(Order order, byte[] json) {
        Violations v = new Violations(failFast);
        try {
            check(order, v);
        } catch (Violations.Enough stop) {
            // fail-fast: the first violation is all we report
        }
        return v.found;
    }

    private void check(Order o, Violations v) {
        pattern(v, "/id", o.id(), ORDER_ID);
        if (o.customer() == null) {
            v.add("/customer", "NotNull", "must not be null");
        } else {
            customer(o.customer(), v);
        }
        address("/shippingAddress", o.shippingAddress(), v);
        address("/billingAddress", o.billingAddress(), v);
        if (o.items() == null) {
            v.add("/items", "NotNull", "must not be null");
        } else {
            if (o.items().isEmpty() || o.items().size() > Rules.MAX_ITEMS) {
                v.add("/items", "Size", "size must be between 1 and " + Rules.MAX_ITEMS);
            }
            for (int i = 0; i < o.items().size(); i++) {
                item("/items/" + i, o.items().get(i), v);
            }
        }
        if (o.payment() == null) {
            v.add("/payment", "NotNull", "must not be null");
        } else {
            payment(o.payment(), v);
        }
        pattern(v, "/currency", o.currency(), CURRENCY);
        notNegative(v, "/subtotalMinor", o.subtotalMinor());
        notNegative(v, "/taxMinor", o.taxMinor());
        notNegative(v, "/shippingMinor", o.shippingMinor());
        notNegative(v, "/totalMinor", o.totalMinor());
        if (o.createdAt() == null) {
            v.add("/createdAt", "NotNull", "must not be null");
        }
        if (o.updatedAt() == null) {
            v.add("/updatedAt", "NotNull", "must not be null");
        }
        if (o.metadata() == null) {
            v.add("/metadata", "NotNull", "must not be null");
        } else {
            stringMap(v, "/metadata", o.metadata(), Rules.MAX_METADATA_ENTRIES, Integer.MAX_VALUE, Rules.MAX_TEXT);
        }
        totals(o, v);
    }

    private void customer(Customer c, Violations v) {
        pattern(v, "/customer/id", c.id(), CUSTOMER_ID);
        text(v, "/customer/name", c.name(), 100);
        if (c.email() == null) {
            v.add("/customer/email", "NotNull", "must not be null");
        } else if (!EMAIL.matcher(c.email()).matches()) {
            v.add("/customer/email", "Email", "must be a well-formed email address");
        }
        if (c.phone() != null && c.phone().length() > 20) {
            v.add("/customer/phone", "Size", "size must be between 0 and 20");
        }
    }

    private void address(String at, Address a, Violations v) {
        if (a == null) {
            v.add(at, "NotNull", "must not be null");
            return;
        }
        text(v, at + "/line1", a.line1(), 100);
        if (a.line2() != null && a.line2().length() > 100) {
            v.add(at + "/line2", "Size", "size must be between 0 and 100");
        }
        text(v, at + "/city", a.city(), 60);
        pattern(v, at + "/postalCode", a.postalCode(), POSTAL_CODE);
        pattern(v, at + "/country", a.country(), COUNTRY);
    }

    private void item(String at, LineItem item, Violations v) {
        if (item == null) {
            v.add(at, "NotNull", "must not be null");
            return;
        }
        pattern(v, at + "/sku", item.sku(), SKU);
        text(v, at + "/name", item.name(), Rules.MAX_TEXT);
        if (item.description() != null && item.description().length() > 1_000) {
            v.add(at + "/description", "Size", "size must be between 0 and 1000");
        }
        if (item.quantity() <= 0) {
            v.add(at + "/quantity", "Positive", "must be greater than 0");
        } else if (item.quantity() > Rules.MAX_QUANTITY) {
            v.add(at + "/quantity", "Max", "must be less than or equal to " + Rules.MAX_QUANTITY);
        }
        notNegative(v, at + "/unitPriceMinor", item.unitPriceMinor());
        if (item.options() == null) {
            v.add(at + "/options", "NotNull", "must not be null");
        } else {
            stringMap(v, at + "/options", item.options(), Rules.MAX_OPTIONS, 40, 100);
        }
    }

    private void payment(Payment p, Violations v) {
        if (p.method() == null) {
            v.add("/payment/method", "NotNull", "must not be null");
        }
        pattern(v, "/payment/token", p.token(), PAYMENT_TOKEN);
        if (p.last4() != null && !LAST4.matcher(p.last4()).matches()) {
            v.add("/payment/last4", "Pattern", "must match \"" + Rules.LAST4 + "\"");
        }
        if (p.cardExpiry() != null) {
            if (!YEAR_MONTH.matcher(p.cardExpiry()).matches()) {
                v.add("/payment/cardExpiry", "Pattern", "must match \"" + Rules.YEAR_MONTH + "\"");
            }
            if (YearMonths.isExpired(p.cardExpiry(), clock)) {
                v.add("/payment/cardExpiry", "FutureYearMonth", "card expired");
            }
        }
        notNegative(v, "/payment/amountMinor", p.amountMinor());
        if (p.retryCount() < 0 || p.retryCount() > Rules.MAX_PAYMENT_RETRIES) {
            v.add("/payment/retryCount", p.retryCount() < 0 ? "Min" : "Max",
                    "must be between 0 and " + Rules.MAX_PAYMENT_RETRIES);
        }
    }

    private static void totals(Order o, Violations v) {
        if (o.items() == null) {
            return;
        }
        long lines = 0;
        for (LineItem item : o.items()) {
            if (item == null) {
                return;
            }
            lines += (long) item.quantity() * item.unitPriceMinor();
        }
        if (o.subtotalMinor() != lines) {
            v.add("/subtotalMinor", "ConsistentTotals", "subtotal " + o.subtotalMinor() + " is not the sum of the lines " + lines);
        } else if (o.totalMinor() != o.subtotalMinor() + o.taxMinor() + o.shippingMinor()) {
            v.add("/totalMinor", "ConsistentTotals", "total " + o.totalMinor() + " is not subtotal + tax + shipping");
        }
    }

    private static void stringMap(Violations v, String at, Map<String, String> map, int maxEntries, int maxKey, int maxValue) {
        if (map.size() > maxEntries) {
            v.add(at, "Size", "size must be between 0 and " + maxEntries);
        }
        for (Map.Entry<String, String> entry : map.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank()) {
                v.add(at + "/" + key, "NotBlank", "must not be blank");
            } else if (key.length() > maxKey) {
                v.add(at + "/" + key, "Size", "size must be between 0 and " + maxKey);
            }
            if (entry.getValue() == null) {
                v.add(at + "/" + key, "NotNull", "must not be null");
            } else if (entry.getValue().length() > maxValue) {
                v.add(at + "/" + key, "Size", "size must be between 0 and " + maxValue);
            }
        }
    }

    private static void pattern(Violations v, String at, String value, Pattern pattern) {
        if (value == null) {
            v.add(at, "NotNull", "must not be null");
        } else if (!pattern.matcher(value).matches()) {
            v.add(at, "Pattern", "must match \"" + pattern.pattern() + "\"");
        }
    }

    private static void text(Violations v, String at, String value, int max) {
        if (value == null || value.isBlank()) {
            v.add(at, "NotBlank", "must not be blank");
        } else if (value.length() > max) {
            v.add(at, "Size", "size must be between 0 and " + max);
        }
    }

    private static void notNegative(Violations v, String at, long value) {
        if (value < 0) {
            v.add(at, "PositiveOrZero", "must be greater than or equal to 0");
        }
    }

    /** Collects violations; in fail-fast mode the first one ends the check. */
    private static final class Violations {
        private static final class Enough extends RuntimeException {
            Enough() {
                super(null, null, false, false);
            }
        }

        final List<SchemaViolation> found = new ArrayList<>(4);
        private final boolean failFast;

        Violations(boolean failFast) {
            this.failFast = failFast;
        }

        void add(String pointer, String rule, String message) {
            found.add(new SchemaViolation(pointer, rule, message));
            if (failFast) {
                throw new Enough();
            }
        }
    }
}
