package io.wirebench.schemas.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry behind every {@code codec} parameter. Each name builds a fresh, fully configured codec.
 * {@code json}, {@code smile}, {@code kryo} and {@code protobuf} (the serialization benchmarks' messages only) are the compared formats; {@code json-blackbird} is
 * Jackson JSON with the Blackbird module, a tuning variant of {@code json}; {@code json-naive} is the
 * labelled anti-pattern (a new ObjectMapper per call), see {@link NaiveJacksonCodec}.
 */
public final class Codecs {
    private static final Map<String, Supplier<Codec>> CODECS = new LinkedHashMap<>();

    static {
        CODECS.put("json", JacksonCodec::json);
        CODECS.put("json-blackbird", JacksonCodec::jsonBlackbird);
        CODECS.put("smile", JacksonCodec::smile);
        CODECS.put("kryo", KryoCodec::new);
        CODECS.put("protobuf", ProtobufCodec::new);
        CODECS.put("json-naive", NaiveJacksonCodec::new);
    }

    private Codecs() {
    }

    public static Codec byName(String name) {
        Supplier<Codec> codec = CODECS.get(name);
        if (codec == null) {
            throw new IllegalArgumentException("unknown codec '" + name + "'; valid codecs: " + String.join(", ", names()));
        }
        return codec.get();
    }

    public static List<String> names() {
        return List.copyOf(CODECS.keySet());
    }
}
