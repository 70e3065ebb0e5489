package io.wirebench.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything a results folder holds ({@code scripts/bench}'s layout): JMH JSON per module
 * ({@code <module>.json}), load results and knee searches ({@code load/*.json} or beside the modules'),
 * the transports' floors ({@code peers.json}),
 * {@code environment.txt}. Other folders inside (flame graphs, profiles) are not results of the run.
 * A file that cannot be read is listed with its problem and the others are still read.
 */
public record RunFolder(Path dir, Map<String, List<JmhResult>> jmhByFile, List<LoadRun> loads, List<Knee> knees,
                        List<PeerFloor> peers, String environment, Map<Path, String> problems) {

    /**
     * A knee search's answer ({@code scripts/load --knee}): the highest sustained rate, NaN if none;
     * {@code capped}: every step was sustained, so the knee lies above {@code rate} and was not found.
     */
    public record Knee(Path file, String scenario, String transport, double rate, boolean capped) {
    }

    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ResultFileException(dir, "not a results folder");
        }
        Map<String, List<JmhResult>> jmh = new LinkedHashMap<>();
        List<LoadRun> loads = new ArrayList<>();
        List<Knee> knees = new ArrayList<>();
        List<PeerFloor> peers = new ArrayList<>();
        Map<Path, String> problems = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, 2)) {
            // the folder itself and its load/ folder; not flamegraphs/ or other tools' output
            files = walk.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
                    .filter(p -> p.getParent().equals(dir) || p.getParent().equals(dir.resolve("load")))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ResultFileException(dir, "cannot list: " + e.getMessage(), e);
        }
        ObjectMapper mapper = new ObjectMapper();
        for (Path file : files) {
            try {
                JsonNode root = mapper.readTree(Files.readAllBytes(file));
                if (LoadRun.isLoadFile(root)) {
                    loads.add(LoadRun.of(file, root));
                } else if (root != null && root.isArray()) {
                    String name = dir.relativize(file).toString().replaceFirst("\\.json$", "");
                    jmh.put(name, JmhJson.read(file));
                } else if (root != null && root.isObject() && "wirebench-knee-1".equals(root.path("format").asText())) {
                    knees.add(new Knee(file, root.path("context").path("scenario").asText("?"),
                            root.path("context").path("transport").asText("?"),
                            JmhJson.number(file, "kneeRatePerSecond", root.get("kneeRatePerSecond")), root.path("capped").asBoolean(false)));
                } else if (root != null && root.isObject() && PeerFloor.FORMAT.equals(root.path("format").asText())) {
                    peers.addAll(PeerFloor.read(file, root));
                } else if (root != null && root.isObject() && root.has("format")) {
                    // another of the suite's formats (a knee search, a ceiling): not tabulated here
                    continue;
                } else {
                    problems.put(file, "neither JMH JSON nor a load result");
                }
            } catch (ResultFileException e) {
                problems.put(file, e.getMessage().substring(Math.min(e.getMessage().length(), file.toString().length() + 2)));
            } catch (IOException e) {
                problems.put(file, "not JSON (truncated or damaged?): " + e.getMessage());
            }
        }
        // the same benchmark and params twice with as many forks (two runs copied into one folder): named, never silently
        // one of them; with fewer forks beside more (a smoke run beside a measured one) the measured one stands (allJmh)
        Map<String, JmhResult> seenResult = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        jmh.forEach((name, results) -> {
            for (JmhResult r : results) {
                String earlier = seen.putIfAbsent(r.key(), name);
                JmhResult first = seenResult.putIfAbsent(r.key(), r);
                if (earlier != null && first.forkCount() == r.forkCount()) {
                    problems.merge(dir.resolve(name + ".json"), "holds " + r.key() + " as " + earlier + ".json does: the two are not merged,"
                            + " and a comparison that needs one of them is refused", (a, b) -> a + "; " + b);
                }
            }
        });
        String environment = "";
        Path env = dir.resolve("environment.txt");
        if (Files.isRegularFile(env)) {
            try {
                environment = Files.readString(env, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.put(env, "cannot read: " + e.getMessage());
            }
        }
        return new RunFolder(dir, jmh, loads, knees, List.copyOf(peers), environment, problems);
    }

    /**
     * Every JMH result of the run. Where two files hold the same benchmark, mode, threads and params with different
     * numbers of forks (a smoke run's single fork beside a measured run's, as the quick profile makes them), only those
     * with the most forks stand, so a smoke figure never shadows a result nor makes a claim ambiguous; the same result
     * twice with as many forks stays twice, for the claims to refuse as ambiguous.
     */
    public List<JmhResult> allJmh() {
        Map<String, List<JmhResult>> byKey = new LinkedHashMap<>();
        jmhByFile.values().stream().flatMap(List::stream).forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        List<JmhResult> out = new ArrayList<>();
        for (List<JmhResult> same : byKey.values()) {
            int most = same.stream().mapToInt(JmhResult::forkCount).max().orElse(0);
            same.stream().filter(r -> r.forkCount() == most).forEach(out::add);
        }
        return List.copyOf(out);
    }
}
