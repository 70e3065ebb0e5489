package io.wirebench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A results folder as scripts/bench writes one, from the test resources under /run: two JMH files and a load run. */
public final class RunFixture {
    private RunFixture() {
    }

    public static void copyTo(Path dir) throws IOException {
        for (String name : List.of("bench-transport.json", "bench-e2e.json", "load-ecommerce-nats.json")) {
            try (InputStream in = RunFixture.class.getResourceAsStream("/run/" + name)) {
                Path target = name.startsWith("load") ? Files.createDirectories(dir.resolve("load")).resolve(name) : dir.resolve(name);
                Files.copy(in, target);
            }
        }
    }
}
