package io.wirebench.serialization;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.CodecException;
import java.util.List;

/**
 * Check, then time: before a codec is measured, every message it will see must come back equal from
 * {@code decode(encode(m))}. A codec that fails stops the run with this message instead of a number.
 */
public final class RoundTripCheck {
    private RoundTripCheck() {
    }

    /** Encodes each message, checks the round trip, and returns the encoded bytes in the same order. */
    public static byte[][] encodeVerified(Codec codec, List<?> messages, Class<?> type, String what) {
        byte[][] encoded = new byte[messages.size()][];
        for (int i = 0; i < messages.size(); i++) {
            Object message = messages.get(i);
            Object back;
            try {
                encoded[i] = codec.encode(message);
                back = codec.decode(encoded[i], type);
            } catch (CodecException e) {
                throw new IllegalStateException("codec '" + codec.name() + "' fails the round trip of " + what
                        + " #" + i + ": " + e.getMessage() + "; no number is measured for it", e);
            }
            if (!message.equals(back)) {
                throw new IllegalStateException("codec '" + codec.name() + "' fails the round trip of " + what + " #" + i
                        + ": decode(encode(x)) differs from x; no number is measured for it");
            }
        }
        return encoded;
    }
}
