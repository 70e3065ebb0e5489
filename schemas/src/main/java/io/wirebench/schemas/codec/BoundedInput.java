package io.wirebench.schemas.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo {@link Input} over one complete message that bounds what the message can make the decoder do:
 * <ul>
 *   <li>a length longer than the bytes left is refused (Kryo allocates a string's {@code char[]} or a
 *       {@code byte[]} from the length it reads; in garbage that length can be two billion, and the result
 *       an {@link OutOfMemoryError});</li>
 *   <li>lists and maps nest at most {@link #MAX_DEPTH} deep (a list element may be another list, so bytes
 *       could otherwise recurse until the stack overflows);</li>
 *   <li>the elements all its lists and maps claim, added up, cannot exceed the message's length (every
 *       element takes at least one byte): the collections' pre-sized arrays are then in proportion to the
 *       message, never "a few kilobytes asking for gigabytes" through many nested claims.</li>
 * </ul>
 * The model nests three deep at most (an order's items' attributes).
 */
final class BoundedInput extends Input {
    static final int MAX_DEPTH = 16;

    private int depth;
    private long elementBudget;

    BoundedInput() {
        super();
    }

    @Override
    public void setBuffer(byte[] bytes, int offset, int count) {
        super.setBuffer(bytes, offset, count);
        depth = 0;
        elementBudget = count;
    }

    int remaining() {
        return limit - position;
    }

    /** A list or map of {@code size} elements starts: refused when too deep or beyond the message's budget. */
    static void enterCollection(Input input, int size, String what) {
        if (size < 0) {
            throw new KryoException(what + " of " + size + " elements");
        }
        if (input instanceof BoundedInput bounded) {
            if (size > bounded.remaining()) {
                throw new KryoException(what + " of " + size + " elements cannot fit in the " + bounded.remaining()
                        + " bytes left of the message");
            }
            if (++bounded.depth > MAX_DEPTH) {
                throw new KryoException(what + " nested deeper than " + MAX_DEPTH + " lists and maps");
            }
            if (size > bounded.elementBudget) {
                throw new KryoException(what + " of " + size + " elements: the message's lists and maps already claim more"
                        + " elements than it has bytes (" + bounded.limit + ")");
            }
            bounded.elementBudget -= size;
        }
    }

    /** The list or map {@link #enterCollection} started is complete. */
    static void leaveCollection(Input input) {
        if (input instanceof BoundedInput bounded) {
            bounded.depth--;
        }
    }

    @Override
    public String readString() {
        int start = position;
        if (remaining() > 0 && readVarIntFlag()) {
            int charCount = readVarIntFlag(true) - 1;
            // every UTF-8 char takes at least one byte
            if (charCount > remaining()) {
                throw new KryoException("string of " + charCount + " chars but only " + remaining() + " bytes left");
            }
        }
        setPosition(start);
        return super.readString();
    }

    @Override
    public byte[] readBytes(int length) {
        if (length < 0 || length > remaining()) {
            throw new KryoException("byte array of " + length + " bytes but only " + remaining() + " bytes left");
        }
        return super.readBytes(length);
    }
}
