package io.wirebench.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.GeneratedOrder;
import io.wirebench.schemas.generate.InvalidRule;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import io.wirebench.schemas.validation.SchemaViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The validators the benchmarks compare decide the same on every generated payload: Hibernate Validator,
 * the JSON Schema and the hand-written validator accept the same orders and reject the same ones at the
 * same JSON Pointers; {@code none}, the zero line, accepts everything by design.
 */
class ValidatorAgreementTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final List<String> REAL = List.of("hibernate", "json-schema", "programmatic");
    private static final Codec JSON = Codecs.byName("json");

    @ParameterizedTest
    @EnumSource(Shape.class)
    void allAcceptValidOrders(Shape shape) {
        PayloadGenerator generator = new PayloadGenerator(17);
        for (int i = 0; i < (shape == Shape.HUGE ? 2 : 10); i++) {
            Order order = generator.order(shape);
            for (String name : OrderValidators.NAMES) {
                assertEquals(List.of(), validate(name, false, order), name + " on a valid " + shape + " order");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(InvalidRule.class)
    void eachRuleIsCaughtByEveryRealValidatorAtTheSamePointers(InvalidRule rule) {
        PayloadGenerator generator = new PayloadGenerator(19);
        for (Shape shape : rule == InvalidRule.TOO_MANY_ITEMS ? List.of(Shape.SMALL) : List.of(Shape.TINY, Shape.SMALL, Shape.LARGE)) {
            Order order = generator.order(shape, rule);
            Set<String> reference = pointers(validate("hibernate", false, order));
            assertTrue(reference.contains(rule.pointer()), rule + ": hibernate reported " + reference);
            for (String name : REAL) {
                assertEquals(reference, pointers(validate(name, false, order)), name + " on " + rule + " " + shape);
                assertEquals(1, validate(name, true, order).size(), name + " fail-fast on " + rule + " " + shape);
            }
            assertEquals(List.of(), validate("none", false, order));
        }
    }

    @Test
    void theManyViolationsPayloadHasSevenEverywhere() {
        Order order = new PayloadGenerator(23).order(Shape.MEDIUM, Payload.MANY);
        Set<String> expected = Payload.MANY.stream().map(InvalidRule::pointer).collect(Collectors.toCollection(TreeSet::new));
        for (String name : REAL) {
            List<SchemaViolation> all = validate(name, false, order);
            assertEquals(7, all.size(), name + ": " + all);
            assertEquals(expected, pointers(all), name);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3})
    void aMixedStreamGetsTheSameVerdicts(double invalidRate) {
        PayloadGenerator generator = new PayloadGenerator(29);
        for (int i = 0; i < 300; i++) {
            GeneratedOrder next = generator.next(Shape.SMALL, invalidRate);
            Set<String> reference = pointers(validate("hibernate", false, next.order()));
            assertEquals(next.valid(), reference.isEmpty(), "order #" + i + " broke " + next.brokenRule() + ": " + reference);
            for (String name : REAL) {
                assertEquals(reference, pointers(validate(name, false, next.order())), name + " on order #" + i);
            }
        }
    }

    @Test
    void payloadsHaveTheViolationCountsTheBenchmarksCheck() {
        for (Payload payload : Payload.values()) {
            ValidatedOrders orders = new ValidatedOrders(payload.orders(Shape.SMALL, ValidatedOrders.COUNT));
            for (String name : OrderValidators.NAMES) {
                orders.verify(OrderValidators.byName(name, CLOCK, false), payload.expectedViolations(), payload.token());
            }
        }
        ValidatedOrders valid = new ValidatedOrders(Payload.VALID.orders(Shape.SMALL, 4));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> valid.verify(OrderValidators.byName("hibernate", CLOCK, false), 1, "valid"));
        assertTrue(e.getMessage().contains("no number is measured"), e.getMessage());
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OrderValidators.byName("xsd", CLOCK, false))
                .getMessage().contains("hibernate, json-schema, programmatic, none"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Payload.byName("bad"))
                .getMessage().contains("valid, invalid-one, invalid-many"));
    }

    private static List<SchemaViolation> validate(String name, boolean failFast, Order order) {
        return OrderValidators.byName(name, CLOCK, failFast).validate(order, JSON.encode(order));
    }

    private static Set<String> pointers(List<SchemaViolation> violations) {
        return violations.stream().map(SchemaViolation::pointer).collect(Collectors.toCollection(TreeSet::new));
    }
}
