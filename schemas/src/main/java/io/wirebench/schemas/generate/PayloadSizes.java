package io.wirebench.schemas.generate;

import io.wirebench.schemas.codec.Codec;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.schemas.codec.DeflatedSize;
import io.wirebench.schemas.model.Order;
import java.util.List;

/**
 * Prints the measured size of each order shape in each codec (and JSON deflated), as a Markdown table:
 * the README's shape table is this command's output. The first 12 hex digits of the JSON's SHA-256 let
 * two machines confirm they generate the same payloads. Run from any bench jar:
 * {@code java -cp bench-serialization/target/benchmarks.jar io.wirebench.schemas.generate.PayloadSizes}.
 */
public final class PayloadSizes {
    private PayloadSizes() {
    }

    public static void main(String[] args) {
        List<Codec> codecs = List.of(Codecs.byName("json"), Codecs.byName("smile"), Codecs.byName("kryo"));
        StringBuilder table = new StringBuilder("| shape | items |");
        for (Codec codec : codecs) {
            table.append(' ').append(codec.name()).append(" bytes |");
        }
        table.append(" json deflated bytes | json sha-256 |\n|---|---:|");
        table.append("---:|".repeat(codecs.size() + 1)).append("---|\n");
        for (Shape shape : Shape.values()) {
            Order order = new PayloadGenerator(PayloadGenerator.DEFAULT_SEED).order(shape);
            table.append("| ").append(shape.token()).append(" | ").append(shape.items()).append(" |");
            for (Codec codec : codecs) {
                table.append(' ').append(String.format("%,d", codec.encode(order).length)).append(" |");
            }
            byte[] json = codecs.get(0).encode(order);
            table.append(' ').append(String.format("%,d", DeflatedSize.of(json))).append(" | ")
                    .append(PayloadGenerator.sha256(json), 0, 12).append(" |\n");
        }
        System.out.print(table);
    }
}
