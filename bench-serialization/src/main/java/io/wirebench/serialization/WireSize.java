package io.wirebench.serialization;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Sizes reported next to speed: raw encoded bytes and the same bytes after deflate (level 6). */
public record WireSize(double rawBytes, double deflatedBytes) {

    /** The mean sizes over a set of encoded messages. */
    public static WireSize of(byte[][] encoded) {
        double raw = 0;
        double deflated = 0;
        for (byte[] bytes : encoded) {
            raw += bytes.length;
            deflated += deflate(bytes);
        }
        return new WireSize(raw / encoded.length, deflated / encoded.length);
    }

    static int deflate(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION))) {
            deflater.write(bytes);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.size();
    }
}
