package io.wirebench.transport.peers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirebench.schemas.codec.Codecs;
import io.wirebench.transport.Transports;
import io.wirebench.transport.floor.Floor;
import io.wirebench.transport.floor.FloorPlan;
import io.wirebench.transport.floor.PeerResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/bench peers}' floor stage: every transport's own tools on this machine, in the same run as the
 * suite's figures, into {@code peers.json}. Each transport's floor is its provider's ({@code Transports}): a native
 * tool or a bare client loop against the same server the suite starts, with the same {@code orders} handler on the
 * same number of responders (each transport's README row names its own). Each figure: a warm-up, then rounds (median and range). Given an existing file, the new
 * pass is added to it, so floors measured before and after the suite's runs bracket them.
 */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = "Measure each transport's floor with its native tools into peers.json.")
public final class PeersCommand implements Callable<Integer> {
    static final String FORMAT = "wirebench-peers-1";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "peers.json to write (a pass is added if it exists)")
    Path out;

    @Option(names = "--transports", split = ",", completionCandidates = WithFloor.class,
            description = "of: ${COMPLETION-CANDIDATES} (default: all of them)")
    List<String> transports;

    @Option(names = "--shapes", split = ",", defaultValue = "tiny,small", description = "order shapes")
    List<String> shapes;

    @Option(names = "--callers", split = ",", defaultValue = "1,16", description = "concurrent callers (wrk connections)")
    List<Integer> callers;

    @Option(names = "--codec", defaultValue = "json", description = "the codec of the bodies and the handler")
    String codec;

    @Option(names = "--responders", defaultValue = "8", description = "the service side's handler threads, as the suite's")
    int responders;

    @Option(names = "--warmup", defaultValue = "3", description = "seconds of warm-up before each figure")
    int warmupSeconds;

    @Option(names = "--round", defaultValue = "2", description = "seconds per round")
    int roundSeconds;

    @Option(names = "--rounds", defaultValue = "3", description = "rounds per figure")
    int rounds;

    /** The transports with a floor, for the help text. */
    static final class WithFloor extends ArrayList<String> {
        WithFloor() {
            super(Transports.withFloor());
        }
    }

    @Override
    public Integer call() throws Exception {
        List<String> measured = transports == null ? Transports.withFloor() : transports;
        for (String t : measured) {
            if (!Transports.withFloor().contains(t)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--transports: unknown '" + t + "'; valid: "
                        + String.join(", ", Transports.withFloor()));
            }
        }
        List<PeerResult> results = new ArrayList<>();
        Path work = Files.createTempDirectory("wirebench-peers");
        try {
            FloorPlan plan = new FloorPlan(Codecs.byName(codec), shapes, callers, responders, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(roundSeconds), rounds, work);
            for (String transport : measured) {
                Floor floor = Transports.provider(transport).floor().orElseThrow();
                results.addAll(floor.measure(plan));
            }
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        write(results);
        return 0;
    }

    private void write(List<PeerResult> results) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root;
        if (Files.isRegularFile(out)) {
            root = (ObjectNode) mapper.readTree(out.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new IllegalStateException(out + ": not a " + FORMAT + " file; refusing to add to it");
            }
        } else {
            root = mapper.createObjectNode().put("format", FORMAT);
            root.putArray("passes");
        }
        ObjectNode pass = ((ArrayNode) root.get("passes")).addObject();
        pass.put("finished", Instant.now().toString());
        pass.set("results", mapper.valueToTree(results));
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        mapper.writeValue(tmp.toFile(), root);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("peers: " + out);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new PeersCommand());
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("peers: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
