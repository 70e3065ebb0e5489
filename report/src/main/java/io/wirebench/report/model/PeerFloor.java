package io.wirebench.report.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transport's floor from {@code peers.json} ({@code scripts/bench peers}): what measured it (tool,
 * version, command), for which shape and number of callers, and every round's p50 (µs) and requests per
 * second, over all the passes (before and after the suite's runs). Its figure is the mean of the
 * rounds, its interval Student's t over them (each round is one independent measurement, like a fork). {@code role}: {@code floor} (what the suite is measured
 * against) or {@code reference} (shown beside it: redis-benchmark's single command).
 */
public record PeerFloor(String transport, String tool, String version, String command, String shape, int callers, String role,
                        double[] p50Micros, double[] requestsPerSecond) {

    static final String FORMAT = "wirebench-peers-1";

    public boolean isFloor() {
        return "floor".equals(role);
    }

    public Figure p50() {
        return figure(p50Micros);
    }

    public Figure throughput() {
        return figure(requestsPerSecond);
    }

    private Figure figure(double[] rounds) {
        return Figure.of(Arrays.stream(rounds).boxed().toList(), "rounds");
    }

    /** Every measurement of a {@code peers.json}, the passes' rounds of one (transport, tool, shape, callers) merged. */
    static List<PeerFloor> read(Path file, JsonNode root) {
        JsonNode passes = root.get("passes");
        if (passes == null || !passes.isArray() || passes.isEmpty()) {
            throw new ResultFileException(file, "passes: missing or empty");
        }
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        Map<String, JsonNode> first = new LinkedHashMap<>();
        for (int p = 0; p < passes.size(); p++) {
            JsonNode results = passes.get(p).get("results");
            if (results == null || !results.isArray()) {
                throw new ResultFileException(file, "passes[" + p + "].results: missing");
            }
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                String at = "passes[" + p + "].results[" + i + "]";
                for (String field : List.of("transport", "tool", "shape", "callers", "role", "rounds")) {
                    if (!r.hasNonNull(field)) {
                        throw new ResultFileException(file, at + "." + field + ": missing");
                    }
                }
                String key = r.get("transport").asText() + "|" + r.get("tool").asText() + "|" + r.get("shape").asText() + "|" + r.get("callers").asInt();
                first.putIfAbsent(key, r);
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        List<PeerFloor> floors = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> e : byKey.entrySet()) {
            List<Double> p50 = new ArrayList<>();
            List<Double> rps = new ArrayList<>();
            for (JsonNode r : e.getValue()) {
                for (JsonNode round : r.get("rounds")) {
                    p50.add(positive(file, e.getKey(), "p50Us", round));
                    rps.add(positive(file, e.getKey(), "requestsPerSecond", round));
                }
            }
            if (p50.isEmpty()) {
                throw new ResultFileException(file, e.getKey().replace('|', ' ') + ": no rounds");
            }
            JsonNode r = first.get(e.getKey());
            floors.add(new PeerFloor(r.get("transport").asText(), r.get("tool").asText(), r.path("version").asText(""), r.path("command").asText(""),
                    r.get("shape").asText(), r.get("callers").asInt(), r.get("role").asText(),
                    p50.stream().mapToDouble(Double::doubleValue).toArray(), rps.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return floors;
    }

    private static double positive(Path file, String key, String field, JsonNode round) {
        double v = JmhJson.number(file, field, round.get(field));
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new ResultFileException(file, key.replace('|', ' ') + ": a round's " + field + " is " + round.get(field) + ", not a positive number");
        }
        return v;
    }
}
