package io.wirebench.schemas;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.CodecException;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.codec.KryoCodec;
import io.wirebench.schemas.generate.PayloadGenerator;
import io.wirebench.schemas.generate.Shape;
import io.wirebench.schemas.model.FileChunk;
import io.wirebench.schemas.model.Order;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages made to hurt a decoder: nesting that recurses until the stack overflows, lengths that ask for
 * gigabytes, numbers of hundreds of digits. {@link #main} decodes each in a JVM with a small heap (the test
 * forks it with {@code -Xmx64m}) and prints one line per message: its name, the exception's class and the
 * milliseconds the refusal took; then decodes a valid order to show the codec goes on working.
 */
public final class CraftedPayloads {
    /** A payload and the type a service would decode it as. */
    public record Crafted(String codec, String name, byte[] bytes, Class<?> type) {
    }

    /** A JSON member whose value is a number (not a time inside a string, whose colons are preceded by digits). */
    private static final String FIRST_NUMBER = "(\"\\w+\":)-?\\d+";

    private CraftedPayloads() {
    }

    /** Every crafted payload, by codec. */
    public static List<Crafted> all() {
        List<Crafted> out = new ArrayList<>();
        Class<?> list = List.of(1).getClass();
        out.add(new Crafted("kryo", "lists nested 20,000 deep, each claiming every byte left", kryoNestedLists(20_000), list));
        out.add(new Crafted("kryo", "a list claiming 2^31-1 elements", kryoListClaiming(Integer.MAX_VALUE), list));
        out.add(new Crafted("kryo", "a file chunk whose byte array claims 2^31-2 bytes", kryoChunkClaiming(Integer.MAX_VALUE), FileChunk.class));
        out.add(new Crafted("json", "arrays nested 100,000 deep", ("{\"metadata\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")
                .getBytes(StandardCharsets.UTF_8), Order.class));
        String order = new String(Codecs.byName("json").encode(new PayloadGenerator(4).order(Shape.SMALL)), StandardCharsets.UTF_8);
        out.add(new Crafted("json", "a 400-digit number", withFirstNumber(order, "9".repeat(400)).getBytes(StandardCharsets.UTF_8), Order.class));
        out.add(new Crafted("json", "invalid UTF-8 in a string", invalidUtf8(order), Order.class));
        out.add(new Crafted("smile", "arrays nested 500 deep", smileNested(500), Order.class));
        return out;
    }

    /**
     * Inputs any endpoint whose service uses {@code codec} must answer with an error reply, made from a valid
     * message {@code good} of that codec: garbage, the first half, an empty body, nesting past every bound,
     * and per codec: a 400-digit number and invalid UTF-8 (JSON), a 400-digit number (Smile), lists nested
     * 2,000 deep and a list claiming 2^31-1 elements (Kryo).
     */
    public static List<Crafted> badInputs(String codec, byte[] good, Class<?> type) {
        byte[] garbage = new byte[300];
        new java.util.Random(5).nextBytes(garbage);
        List<Crafted> out = new ArrayList<>(List.of(
                new Crafted(codec, "300 random bytes", garbage, type),
                new Crafted(codec, "the first half", Arrays.copyOf(good, good.length / 2), type),
                new Crafted(codec, "an empty body", new byte[0], type)));
        switch (codec) {
            case "json" -> {
                String text = new String(good, StandardCharsets.UTF_8);
                out.add(new Crafted(codec, "arrays nested 20,000 deep", ("{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")
                        .getBytes(StandardCharsets.UTF_8), type));
                out.add(new Crafted(codec, "an array, not an object", "[1, 2, 3]".getBytes(StandardCharsets.UTF_8), type));
                out.add(new Crafted(codec, "a 400-digit number", withFirstNumber(text, "9".repeat(400))
                        .getBytes(StandardCharsets.UTF_8), type));
                out.add(new Crafted(codec, "invalid UTF-8 in a string", invalidUtf8(text), type));
            }
            case "smile" -> {
                out.add(new Crafted(codec, "arrays nested 500 deep", smileNested(500), type));
                out.add(new Crafted(codec, "a 400-digit number", smileWithFirstNumber(good, "9".repeat(400)), type));
            }
            case "kryo" -> {
                out.add(new Crafted(codec, "lists nested 2,000 deep", kryoNestedLists(2_000), type));
                out.add(new Crafted(codec, "a list claiming 2^31-1 elements", kryoListClaiming(Integer.MAX_VALUE), type));
            }
            default -> throw new IllegalArgumentException("no crafted inputs for codec '" + codec + "'");
        }
        return out;
    }

    /** Lists of lists: level k claims as many elements as there are bytes after its size, so each level's pre-sized array is as large as the check on the bytes left allows. */
    static byte[] kryoNestedLists(int depth) {
        Kryo kryo = KryoCodec.newKryo();
        int classId = kryo.getRegistration(List.of(1).getClass()).getId() + 2; // Kryo writes a class as its id + 2
        int[] claims = new int[depth];
        int after = 0;
        for (int k = depth - 1; k >= 0; k--) {
            claims[k] = after;
            after += varIntLength(after) + (k == 0 ? 0 : varIntLength(classId));
        }
        Output output = new Output(after + 16, -1);
        for (int k = 0; k < depth; k++) {
            if (k > 0) {
                output.writeVarInt(classId, true);
            }
            output.writeVarInt(claims[k], true);
        }
        return output.toBytes();
    }

    static byte[] kryoListClaiming(int elements) {
        Output output = new Output(16, -1);
        output.writeVarInt(elements, true);
        output.writeVarInt(1, true);
        return output.toBytes();
    }

    /** A real file chunk's encoding with its byte array's length prefix (length + 1) replaced. */
    static byte[] kryoChunkClaiming(int lengthPlusOne) {
        byte[] data = new byte[300];
        Arrays.fill(data, (byte) 0x5A);
        FileChunk chunk = new FileChunk("f-0001", 0, data, "0".repeat(64));
        byte[] good = Codecs.byName("kryo").encode(chunk);
        byte[] prefix = varInt(data.length + 1);
        int at = indexOf(good, concat(prefix, Arrays.copyOf(data, 8)));
        if (at < 0) {
            throw new IllegalStateException("the chunk's byte array was not found in its Kryo encoding");
        }
        return concat(Arrays.copyOf(good, at), concat(varInt(lengthPlusOne), Arrays.copyOfRange(good, at + prefix.length, good.length)));
    }

    /** The JSON document with its first number replaced by {@code digits}. */
    static String withFirstNumber(String json, String digits) {
        return json.replaceFirst(FIRST_NUMBER, "$1" + digits);
    }

    /** The JSON document with an invalid UTF-8 sequence at the start of its first string value. */
    static byte[] invalidUtf8(String json) {
        int quote = json.indexOf("\":\"") + 3;
        if (quote < 3) {
            throw new IllegalArgumentException("no string value in " + json);
        }
        byte[] head = json.substring(0, quote).getBytes(StandardCharsets.UTF_8);
        byte[] tail = json.substring(quote).getBytes(StandardCharsets.UTF_8);
        return concat(head, concat(new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, tail));
    }

    /** The Smile document with its first number replaced (through a JSON tree, so the number stays a number). */
    static byte[] smileWithFirstNumber(byte[] smile, String digits) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper smiles = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.smile.SmileFactory());
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            String text = withFirstNumber(json.writeValueAsString(smiles.readTree(smile)), digits);
            return smiles.writeValueAsBytes(json.readTree(text));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] smileNested(int depth) {
        try {
            com.fasterxml.jackson.dataformat.smile.SmileFactory factory = new com.fasterxml.jackson.dataformat.smile.SmileFactory();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (com.fasterxml.jackson.core.JsonGenerator g = factory.createGenerator(out)) {
                g.writeStartObject();
                g.writeFieldName("metadata");
                for (int i = 0; i < depth; i++) {
                    g.writeStartArray();
                }
                for (int i = 0; i < depth; i++) {
                    g.writeEndArray();
                }
                g.writeEndObject();
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int varIntLength(int value) {
        return varInt(value).length;
    }

    private static byte[] varInt(int value) {
        Output output = new Output(8, -1);
        output.writeVarInt(value, true);
        return output.toBytes();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Decodes every crafted payload and prints "codec | name | exception class | ms"; exits 1 if anything else escaped. */
    public static void main(String[] args) {
        Map<String, Codec> codecs = new LinkedHashMap<>();
        Order order = new PayloadGenerator(5).order(Shape.SMALL);
        for (String name : List.of("kryo", "json", "smile")) {
            Codec codec = Codecs.byName(name);
            codec.decode(codec.encode(order), Order.class); // classes loaded before anything is timed
            codecs.put(name, codec);
        }
        int status = 0;
        for (Crafted crafted : all()) {
            Codec codec = codecs.get(crafted.codec());
            long start = System.nanoTime();
            String outcome;
            try {
                codec.decode(crafted.bytes(), crafted.type());
                outcome = "decoded";
                status = 1;
            } catch (CodecException e) {
                outcome = "CodecException";
            } catch (Throwable e) {
                outcome = e.getClass().getName() + ": " + e.getMessage();
                status = 1;
            }
            long micros = (System.nanoTime() - start) / 1_000;
            System.out.println(crafted.codec() + " | " + crafted.name() + " | " + crafted.bytes().length + " bytes | " + outcome
                    + " | " + micros + " us");
        }
        for (Codec codec : codecs.values()) {
            if (!order.equals(codec.decode(codec.encode(order), Order.class))) {
                System.out.println(codec.name() + " | a valid order after the crafted ones | decoded wrong");
                status = 1;
            }
        }
        System.out.println("valid orders decode after the crafted ones");
        System.exit(status);
    }
}
