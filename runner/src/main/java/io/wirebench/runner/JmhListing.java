package io.wirebench.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmarks jar lists for the included benchmarks with {@code -lp}: each benchmark with the values of its
 * parameters. From it, an interleaved run learns a parameter's values ({@link #valuesOf}), and the live progress
 * the number of benchmarks a command line runs ({@link #count}): JMH prints no total of its own.
 */
record JmhListing(Map<String, Map<String, List<String>>> benchmarks) {
    private static final Pattern PARAM_LINE = Pattern.compile("\\s+param \"([^\"]+)\" = \\{(.*)}");

    /** What {@code java -jar jar -lp include} lists (every benchmark for an empty include); it must answer within 5 minutes. */
    static JmhListing of(String java, Path jar, String include) {
        List<String> command = new ArrayList<>(List.of(java, "-jar", jar.toString(), "-lp"));
        if (!include.isEmpty()) {
            command.add(include);
        }
        try {
            Path out = Files.createTempFile("jmh-list", ".txt");
            try {
                int exit = ChildProcess.run(command, out, false, Duration.ofMinutes(5));
                String text = Files.readString(out, StandardCharsets.UTF_8);
                if (exit != 0) {
                    throw new IllegalArgumentException(String.join(" ", command) + (exit == ChildProcess.TIMED_OUT ? " took over 5 minutes" : " failed")
                            + ":\n" + text);
                }
                return parse(text);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether no benchmark matched. */
    boolean isEmpty() {
        return benchmarks.isEmpty();
    }

    static JmhListing parse(String listing) {
        Map<String, Map<String, List<String>>> benchmarks = new LinkedHashMap<>();
        Map<String, List<String>> current = null;
        for (String line : listing.split("\n")) {
            Matcher m = PARAM_LINE.matcher(line);
            if (!line.startsWith(" ") && line.contains(".") && !line.startsWith("Benchmarks") && !line.startsWith("#")) {
                current = new LinkedHashMap<>();
                benchmarks.put(line.strip(), current);
            } else if (m.matches() && current != null) {
                current.put(m.group(1), List.of(m.group(2).split(",\\s*")));
            }
        }
        return new JmhListing(benchmarks);
    }

    /** A parameter's values, which every listed benchmark must have, and have alike (else: name them with {@code -p}). */
    List<String> valuesOf(String param) {
        if (benchmarks.isEmpty()) {
            throw new IllegalArgumentException("--interleave " + param + ": no benchmark matches");
        }
        Set<String> values = null;
        for (Map<String, List<String>> params : benchmarks.values()) {
            if (!params.containsKey(param)) {
                throw new IllegalArgumentException("--interleave " + param + ": a listed benchmark has no such @Param");
            }
            Set<String> these = new LinkedHashSet<>(params.get(param));
            if (values != null && !values.equals(these)) {
                throw new IllegalArgumentException("--interleave " + param + ": the benchmarks list different values, " + values + " and " + these
                        + "; name them with -p " + param + "=...");
            }
            values = these;
        }
        return List.copyOf(values);
    }

    /**
     * How many benchmarks (a method at one combination of its parameters, in one mode) these JMH options run: a
     * {@code -p name=a,b} replaces the listed values of that parameter for the benchmarks that have it (the last
     * one given wins, as in JMH), {@code -bm a,b} runs each in each mode. A class that names several modes in its
     * annotation counts once (the listing does not show modes), so the count can fall short, never over.
     */
    int count(List<String> jmhOptions) {
        Map<String, Integer> given = new LinkedHashMap<>();
        int modes = 1;
        for (int i = 0; i + 1 < jmhOptions.size(); i++) {
            String option = jmhOptions.get(i);
            String value = jmhOptions.get(i + 1);
            if (option.equals("-p") && value.indexOf('=') > 0) {
                given.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1).split(",").length);
            } else if (option.equals("-bm")) {
                modes = value.split(",").length;
            }
        }
        int total = 0;
        for (Map<String, List<String>> params : benchmarks.values()) {
            int product = modes;
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                product *= given.getOrDefault(p.getKey(), p.getValue().size());
            }
            total += product;
        }
        return total;
    }
}
