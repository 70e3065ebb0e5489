package io.wirebench.schemas.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.Pool;
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
import io.wirebench.schemas.model.OrderReceipt;
import io.wirebench.schemas.model.OrderedMaps;
import io.wirebench.schemas.model.Payment;
import io.wirebench.schemas.model.PaymentMethod;
import io.wirebench.schemas.service.AggregateQuery;
import io.wirebench.schemas.service.AggregateSnapshot;
import io.wirebench.schemas.service.ChargeReply;
import io.wirebench.schemas.service.ChargeRequest;
import io.wirebench.schemas.service.ChunkAck;
import io.wirebench.schemas.service.FileRef;
import io.wirebench.schemas.service.FileSummary;
import io.wirebench.schemas.service.IngestAck;
import io.wirebench.schemas.service.OrderOutcome;
import io.wirebench.schemas.service.OrderStatus;
import io.wirebench.schemas.service.StockReply;
import io.wirebench.schemas.service.StockRequest;
import io.wirebench.schemas.service.ValidationReport;
import io.wirebench.schemas.service.VoidReply;
import io.wirebench.schemas.service.VoidRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Kryo 5 as its maintainers recommend for a service: registration required (an unregistered class is
 * refused, on write and on read, so bytes cannot make it instantiate anything else), references off,
 * and {@link Kryo} instances and output buffers taken from thread-safe {@link Pool}s, because a Kryo
 * instance is not thread-safe. Records go through Kryo's {@code RecordSerializer}. Registration IDs
 * are fixed by the order below: both ends must share it, so append, never reorder.
 */
public final class KryoCodec implements Codec {
    private static final int POOL_SIZE = 64;
    private static final int INITIAL_BUFFER = 4096;
    private static final int MAX_BUFFER = 64 << 20;

    private final Pool<Kryo> kryos = new Pool<>(true, false, POOL_SIZE) {
        @Override
        protected Kryo create() {
            return newKryo();
        }
    };
    private final Pool<Output> outputs = new Pool<>(true, false, POOL_SIZE) {
        @Override
        protected Output create() {
            return new Output(INITIAL_BUFFER, MAX_BUFFER);
        }
    };
    private final Pool<BoundedInput> inputs = new Pool<>(true, false, POOL_SIZE) {
        @Override
        protected BoundedInput create() {
            return new BoundedInput();
        }
    };

    /** A Kryo configured exactly as this codec's pooled instances. */
    public static Kryo newKryo() {
        Kryo kryo = new Kryo();
        kryo.setRegistrationRequired(true);
        kryo.setReferences(false);
        int id = 100;
        ImmutableListSerializer lists = new ImmutableListSerializer();
        kryo.register(List.of().getClass(), lists, id++);
        kryo.register(List.of(1).getClass(), lists, id++);
        ImmutableMapSerializer maps = new ImmutableMapSerializer();
        kryo.register(OrderedMaps.copyOf(Map.of()).getClass(), maps, id++);
        kryo.register(byte[].class, id++);
        kryo.register(Instant.class, id++);
        kryo.register(PaymentMethod.class, id++);
        kryo.register(EventType.class, id++);
        for (Class<?> type : List.of(Address.class, Customer.class, LineItem.class, Payment.class, Order.class,
                InventoryReservation.class, AnalyticsEvent.class, EventBatch.class, FileManifest.class, FileChunk.class,
                OrderReceipt.class)) {
            kryo.register(type, id++);
        }
        kryo.register(OrderStatus.class, id++);
        for (Class<?> type : List.of(OrderOutcome.class, ValidationReport.class, StockRequest.class, StockReply.class,
                ChargeRequest.class, ChargeReply.class, IngestAck.class, AggregateQuery.class, AggregateSnapshot.class,
                ChunkAck.class, FileRef.class, FileSummary.class, VoidRequest.class,
                VoidReply.class)) {
            kryo.register(type, id++);
        }
        return kryo;
    }

    @Override
    public String name() {
        return "kryo";
    }

    @Override
    public byte[] encode(Object message) {
        Kryo kryo = kryos.obtain();
        Output output = outputs.obtain();
        try {
            output.reset();
            kryo.writeObject(output, message);
            return output.toBytes();
        } catch (KryoException | IllegalArgumentException e) {
            throw new CodecException("kryo: cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        } finally {
            outputs.free(output);
            kryos.free(kryo);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        Kryo kryo = kryos.obtain();
        BoundedInput input = inputs.obtain();
        try {
            input.setBuffer(bytes);
            T value = kryo.readObject(input, type);
            if (input.remaining() != 0) {
                throw new CodecException("kryo: cannot decode " + type.getSimpleName() + ": " + input.remaining()
                        + " bytes left over after the message");
            }
            return value;
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException | NullPointerException
                | ClassCastException | NegativeArraySizeException | DateTimeException e) {
            throw new CodecException("kryo: cannot decode " + type.getSimpleName() + " from " + bytes.length
                    + " bytes: " + e.getMessage(), e);
        } finally {
            input.setBuffer(new byte[0]);
            inputs.free(input);
            kryos.free(kryo);
        }
    }
}
