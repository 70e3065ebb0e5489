package io.wirebench.schemas.codec;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.wirebench.schemas.model.OrderedMaps;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The model's unmodifiable, insertion-ordered maps ({@link OrderedMaps}); see {@link ImmutableListSerializer}.
 * Entries are written and read back in order.
 */
final class ImmutableMapSerializer extends Serializer<Map<Object, Object>> {

    ImmutableMapSerializer() {
        super(false, true);
    }

    @Override
    public void write(Kryo kryo, Output output, Map<Object, Object> map) {
        output.writeVarInt(map.size(), true);
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            kryo.writeClassAndObject(output, entry.getKey());
            kryo.writeClassAndObject(output, entry.getValue());
        }
    }

    @Override
    public Map<Object, Object> read(Kryo kryo, Input input, Class<? extends Map<Object, Object>> type) {
        int size = input.readVarInt(true);
        BoundedInput.enterCollection(input, size, "map");
        try {
            Map<Object, Object> entries = new LinkedHashMap<>(size * 2);
            for (int i = 0; i < size; i++) {
                Object key = kryo.readClassAndObject(input);
                Object value = kryo.readClassAndObject(input);
                if (entries.put(key, value) != null) {
                    throw new KryoException("map key repeated: " + key);
                }
            }
            return OrderedMaps.copyOf(entries);
        } finally {
            BoundedInput.leaveCollection(input);
        }
    }
}
