package io.wirebench.schemas.codec;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;

/**
 * A Kryo {@link Input} over a complete message that refuses lengths longer than the bytes left.
 * Kryo allocates a string's {@code char[]} or a {@code byte[]} from the length it reads; in garbage
 * that length can be two billion, and the result an {@link OutOfMemoryError}. Since the whole message
 * is in the buffer, a length beyond what is left can only be corrupt input.
 */
final class BoundedInput extends Input {

    BoundedInput() {
        super();
    }

    int remaining() {
        return limit - position;
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
