package io.wirebench.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.CodecException;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.Order;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundTripCheckTest {
    private final List<Order> orders = new PayloadGenerator(1).orders(Shape.SMALL, 4);

    @Test
    void aFaithfulCodecPassesAndItsBytesAreReturned() {
        Codec json = Codecs.byName("json");
        byte[][] encoded = RoundTripCheck.encodeVerified(json, orders, Order.class, "order shape=small");
        assertEquals(4, encoded.length);
        assertEquals(orders.get(3), json.decode(encoded[3], Order.class));
    }

    @Test
    void aCodecThatLosesDataIsRejectedBeforeTiming() {
        Codec lossy = new Codec() {
            private final Codec json = Codecs.byName("json");

            @Override
            public String name() {
                return "lossy";
            }

            @Override
            public byte[] encode(Object message) {
                return json.encode(message);
            }

            @Override
            public <T> T decode(byte[] bytes, Class<T> type) {
                Order o = (Order) json.decode(bytes, type);
                // drops the tax, as a codec with a mis-mapped field would
                return type.cast(new Order(o.id(), o.customer(), o.shippingAddress(), o.billingAddress(), o.items(),
                        o.payment(), o.currency(), o.subtotalMinor(), 0, o.shippingMinor(), o.totalMinor(),
                        o.createdAt(), o.updatedAt(), o.metadata()));
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RoundTripCheck.encodeVerified(lossy, orders, Order.class, "order shape=small"));
        assertTrue(e.getMessage().contains("codec 'lossy' fails the round trip of order shape=small #0"), e.getMessage());
    }

    @Test
    void aCodecThatThrowsIsRejectedWithItsReason() {
        Codec broken = new Codec() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public byte[] encode(Object message) {
                return new byte[] {1, 2, 3};
            }

            @Override
            public <T> T decode(byte[] bytes, Class<T> type) {
                throw new CodecException("broken: cannot decode " + type.getSimpleName());
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RoundTripCheck.encodeVerified(broken, orders, Order.class, "order shape=small"));
        assertTrue(e.getMessage().contains("broken: cannot decode Order"), e.getMessage());
    }

    @Test
    void wireSizeIsTheMeanOfRawAndDeflatedSizes() {
        WireSize size = WireSize.of(new byte[][] {new byte[100], new byte[300]});
        assertEquals(200.0, size.rawBytes());
        assertTrue(size.deflatedBytes() > 0 && size.deflatedBytes() < 100, "zeros deflate well: " + size);
    }
}
