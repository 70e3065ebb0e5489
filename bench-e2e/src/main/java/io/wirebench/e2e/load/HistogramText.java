package io.wirebench.e2e.load;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A histogram as text for the control plane's JSON messages: HdrHistogram's own compressed encoding, in
 * base64. Decoding gives back every count exactly, so histograms from several workers add up to what one
 * generator would have recorded (percentiles are never averaged).
 */
final class HistogramText {
    private HistogramText() {
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        return Base64.getEncoder().encodeToString(Arrays.copyOf(buffer.array(), length));
    }

    static Histogram decode(String text, String what) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(text)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": not an encoded histogram: " + e.getMessage(), e);
        }
    }
}
