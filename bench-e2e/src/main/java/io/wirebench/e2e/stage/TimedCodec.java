package io.wirebench.e2e.stage;

import io.wirebench.schemas.codec.Codec;

/** A codec whose every encode and decode adds to a {@link StageClock}'s ENCODE and DECODE stages. */
public final class TimedCodec implements Codec {
    private final Codec codec;
    private final StageClock clock;

    public TimedCodec(Codec codec, StageClock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public String name() {
        return codec.name();
    }

    @Override
    public byte[] encode(Object message) {
        long start = System.nanoTime();
        try {
            return codec.encode(message);
        } finally {
            clock.add(Stage.ENCODE, System.nanoTime() - start);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        long start = System.nanoTime();
        try {
            return codec.decode(bytes, type);
        } finally {
            clock.add(Stage.DECODE, System.nanoTime() - start);
        }
    }
}
