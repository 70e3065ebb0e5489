package io.wirebench.serialization;

import io.wirebench.schemas.codec.DeflatedSize;

/** Sizes reported next to speed: raw encoded bytes and the same bytes after deflate (level 6). */
public record WireSize(double rawBytes, double deflatedBytes) {

    /** The mean sizes over a set of encoded messages. */
    public static WireSize of(byte[][] encoded) {
        double raw = 0;
        double deflated = 0;
        for (byte[] bytes : encoded) {
            raw += bytes.length;
            deflated += DeflatedSize.of(bytes);
        }
        return new WireSize(raw / encoded.length, deflated / encoded.length);
    }
}
