package io.wirebench.report.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A history file: JSON Lines, one {@link HistoryEntry} a line, as {@code scripts/nightly} keeps them in
 * {@code results/history/}. A line that does not read names the file, the line and the reason; nothing is
 * skipped silently. Appending a run that is already in the file replaces its line (a rerun of the same run's
 * summary), so a run is never counted twice; the file is rewritten through a temporary file and a move, so
 * an interrupted append leaves the old file.
 */
final class HistoryFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private HistoryFile() {
    }

    static List<HistoryEntry> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            HistoryEntry entry;
            try {
                entry = JSON.readValue(lines.get(i), HistoryEntry.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": not a history entry: " + e.getOriginalMessage());
            }
            String problem = entry.problem();
            if (problem != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + problem);
            }
            entries.add(entry);
        }
        return entries;
    }

    /** Adds the entries' lines to the file (made with its folder if missing), each in place of a line of the same run. */
    static void append(Path file, Collection<HistoryEntry> added) {
        List<HistoryEntry> entries = Files.exists(file) ? new ArrayList<>(read(file)) : new ArrayList<>();
        Set<String> runs = new HashSet<>();
        added.forEach(e -> runs.add(e.run()));
        entries.removeIf(e -> runs.contains(e.run()));
        entries.addAll(added);
        StringBuilder text = new StringBuilder();
        try {
            for (HistoryEntry e : entries) {
                text.append(JSON.writeValueAsString(e)).append('\n');
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temporary = Files.createTempFile(dir, file.getFileName().toString(), ".part");
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write: " + e.getMessage(), e);
        }
    }
}
