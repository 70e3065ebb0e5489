package io.wirebench.schemas.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import java.io.IOException;

/**
 * Jackson data binding, configured as its maintainers recommend for throughput: one {@link ObjectMapper}
 * built once, and an {@link ObjectReader}/{@link ObjectWriter} per message type created once and reused
 * (they are immutable and thread-safe). The same model and settings serve JSON and Smile, so the two
 * differ only in format. Settings: ISO-8601 timestamps (as a REST API sends them), nulls omitted,
 * unknown properties rejected, trailing tokens rejected, null for a primitive rejected, default typing
 * off (never enabled anywhere in the suite), and explicit stream-read constraints ({@link #READ_LIMITS}) rather
 * than the library's defaults, so what a message can make the parser do is written here.
 */
public final class JacksonCodec implements Codec {
    /**
     * What one message may make the parser do: nest 64 deep (the model nests 4), numbers of at most 64 digits
     * (the largest amount is a long: 19), names of at most 1,000 chars, strings and whole documents of at
     * most 32 MiB (a message is at most 16 MiB: BodyLimit); beyond each, a {@link CodecException}.
     */
    public static final StreamReadConstraints READ_LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(64)
            .maxNumberLength(64)
            .maxNameLength(1_000)
            .maxStringLength(32 << 20)
            .maxDocumentLength(32L << 20)
            .build();

    private final String name;
    private final ClassValue<ObjectReader> readers;
    private final ClassValue<ObjectWriter> writers;

    private JacksonCodec(String name, ObjectMapper mapper) {
        this.name = name;
        this.readers = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return mapper.readerFor(type);
            }
        };
        this.writers = new ClassValue<>() {
            @Override
            protected ObjectWriter computeValue(Class<?> type) {
                return mapper.writerFor(type);
            }
        };
    }

    /** JSON text, the REST default. */
    public static JacksonCodec json() {
        return new JacksonCodec("json", configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())).build());
    }

    /** JSON with the Blackbird module (LambdaMetafactory accessors instead of reflection). */
    public static JacksonCodec jsonBlackbird() {
        return new JacksonCodec("json-blackbird",
                configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(READ_LIMITS).build())).addModule(new BlackbirdModule()).build());
    }

    /** Smile, Jackson's binary JSON: same data model, binary tokens, back-referenced names. */
    public static JacksonCodec smile() {
        return new JacksonCodec("smile", configure(JsonMapper.builder(SmileFactory.builder().streamReadConstraints(READ_LIMITS).build())).build());
    }

    static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] encode(Object message) {
        try {
            return writers.get(message.getClass()).writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new CodecException(name + ": cannot encode " + message.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] bytes, Class<T> type) {
        try {
            T value = readers.get(type).readValue(bytes);
            if (value == null) {
                throw new CodecException(name + ": cannot decode " + type.getSimpleName() + ": the document is null or empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new CodecException(name + ": cannot decode " + type.getSimpleName() + " from " + bytes.length
                    + " bytes: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CodecException(name + ": cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
