package io.wirebench.serialization;

import io.wirebench.bench.Cursor;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does a codec cost per message? The three operations every codec benchmark measures:
 * {@code encode} (object to bytes), {@code decode} (bytes to object) and {@code roundTrip} (both, as
 * one service hop sees them). The codec comes from {@code @Param codec} through {@link Codecs#byName};
 * subclasses say which messages (orders by {@code shape}, event batches, file chunks).
 *
 * <p>Inside the timed region: only the codec call. Outside: generating {@value #MESSAGES} distinct
 * messages once per trial, the round-trip check ({@link RoundTripCheck}: a codec that fails it gets no
 * number), the sizes. Results are returned, so JMH sinks them. Average time (µs/op) by default;
 * {@code -bm thrpt} for throughput; {@code -prof gc} for B/op ({@code gc.alloc.rate.norm}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class AbstractCodecBenchmark {
    /** Distinct messages cycled through (a power of two), so no single message's layout is all the caches see. */
    public static final int MESSAGES = 16;

    @Param({"json", "json-blackbird", "smile", "kryo", "protobuf", "json-naive"})
    public String codec;

    private Codec impl;
    private Object[] messages;
    private byte[][] encoded;
    private Class<?> type;
    private boolean slowEncode;
    private boolean slowDecode;

    /** The messages to cycle through, generated deterministically; exactly {@link #MESSAGES} of them. */
    protected abstract List<?> messages();

    protected abstract Class<?> type();

    /** What the messages are, for error messages ("order shape=huge"). */
    protected abstract String describe();

    @Setup
    public void prepare() {
        impl = Codecs.byName(codec);
        List<?> generated = messages();
        if (generated.size() != MESSAGES) {
            throw new IllegalStateException(describe() + ": expected " + MESSAGES + " messages, got " + generated.size());
        }
        type = type();
        messages = generated.toArray();
        encoded = RoundTripCheck.encodeVerified(impl, generated, type, describe());
        WireSizeCounters.SIZE.publish(WireSize.of(encoded));
        slowEncode = SlowdownHook.targets("encode codec=" + codec + " " + describe());
        slowDecode = SlowdownHook.targets("decode codec=" + codec + " " + describe());
    }

    @Benchmark
    public byte[] encode(Cursor cursor, WireSizeCounters size) {
        SlowdownHook.apply(slowEncode);
        return impl.encode(messages[cursor.next(MESSAGES)]);
    }

    @Benchmark
    public Object decode(Cursor cursor, WireSizeCounters size) {
        SlowdownHook.apply(slowDecode);
        return impl.decode(encoded[cursor.next(MESSAGES)], type);
    }

    @Benchmark
    public Object roundTrip(Cursor cursor, WireSizeCounters size) {
        Object back = impl.decode(impl.encode(messages[cursor.next(MESSAGES)]), type);
        if (back == null) {
            throw new IllegalStateException(codec + " decoded null");
        }
        return back;
    }
}
