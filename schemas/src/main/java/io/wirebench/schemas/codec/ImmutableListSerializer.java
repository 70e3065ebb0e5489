package io.wirebench.schemas.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's unmodifiable lists ({@code List.of}, {@code List.copyOf}), which the model's records hold.
 * Kryo cannot construct those classes itself; this writes size + elements and reads back a
 * {@code List.copyOf}. {@link BoundedInput} bounds the size, the nesting and the elements a message may claim
 * before anything is allocated.
 */
final class ImmutableListSerializer extends Serializer<List<Object>> {

    ImmutableListSerializer() {
        super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, List<Object> list) {
        output.writeVarInt(list.size(), true);
        for (Object element : list) {
            kryo.writeClassAndObject(output, element);
        }
    }

    @Override
    public List<Object> read(Kryo kryo, Input input, Class<? extends List<Object>> type) {
        int size = input.readVarInt(true);
        BoundedInput.enterCollection(input, size, "list");
        try {
            List<Object> elements = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                elements.add(kryo.readClassAndObject(input));
            }
            return List.copyOf(elements);
        } finally {
            BoundedInput.leaveCollection(input);
        }
    }
}
