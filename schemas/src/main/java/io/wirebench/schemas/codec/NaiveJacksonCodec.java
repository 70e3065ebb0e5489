package io.wirebench.schemas.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * ANTI-PATTERN BASELINE, kept because users write it: a new {@link ObjectMapper} for every call, so
 * every call pays for building serializers and deserializers again. Same settings and bytes as
 * {@code json}; the gap between the two is the price of not reusing the mapper.
 */
public final class NaiveJacksonCodec implements Codec {

    @Override
    public String name() {
        return "json-naive";
    }

    @Override
    public byte[] encode(Object message) {
        try {
            return newMapper().writeValueAsBytes(message);
        } catch (IOException e) {
            throw new CodecException("json-naive: cannot encode " + message.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        try {
            T value = newMapper().readValue(bytes, type);
            if (value == null) {
                throw new CodecException("json-naive: cannot decode " + type.getSimpleName() + ": the document is null or empty");
            }
            return value;
        } catch (IOException e) {
            throw new CodecException("json-naive: cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static ObjectMapper newMapper() {
        return JacksonCodec.configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(JacksonCodec.READ_LIMITS).build())).build();
    }
}
