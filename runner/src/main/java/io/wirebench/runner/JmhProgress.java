package io.wirebench.runner;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a JMH run is, from its log as it grows: the benchmark and its parameters, how many have started of how many
 * the command runs in all ({@link JmhListing#count}; the runs before this one counted in), the fork, and JMH's own
 * "Run progress" and ETA (of this JMH process: an interleaved run's is one fork's, so its line adds an estimate for
 * the whole run, {@link Position}). On a terminal one line is kept current ({@code \r}, cleared to its end);
 * without one (CI, a pipe) a line is printed as each benchmark starts. The full output stays in the log.
 */
final class JmhProgress implements AutoCloseable {
    private static final Pattern PROGRESS = Pattern.compile("^# Run progress: ([0-9.]+)% complete, ETA ([0-9:]+)");
    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern FORK = Pattern.compile("^# Fork: (.+)");
    /** The line's width when the terminal's cannot be learnt. */
    private static final int DEFAULT_WIDTH = 150;
    private final int width;

    private final String label;
    private final PrintStream out;
    private final boolean terminal;
    private final Path log;
    private final Thread follower;
    private volatile boolean stopped;
    private long offset;
    private String percent = "0";
    private String eta = "?";
    private String benchmark;
    private String parameters = "";
    private String fork = "";
    private int started;
    private final Position position;
    private final LongSupplier clock;
    private boolean shown;

    /**
     * Where this JMH process stands in its command's run: the benchmarks earlier processes of it started, how many the
     * run has in all (0: not known), when the run began ({@link System#nanoTime}), and whether the run is made of
     * several JMH processes (interleaved: JMH's own percentage and ETA are then one process's, and the line adds an
     * estimate for the whole run from the time its finished benchmarks took).
     */
    record Position(int before, int total, long sinceNanos, boolean interleaved) {
    }

    JmhProgress(String label, PrintStream out, boolean terminal, Path log, Position position) {
        this(label, out, terminal, log, position, System::nanoTime, terminal ? terminalWidth() : DEFAULT_WIDTH);
    }

    /** {@code width}: the terminal line's, past which the line is cut. */
    JmhProgress(String label, PrintStream out, boolean terminal, Path log, Position position, LongSupplier clock, int width) {
        this.label = label;
        this.width = width;
        this.position = position;
        this.clock = clock;
        this.out = out;
        this.terminal = terminal;
        this.log = log;
        this.offset = log.toFile().length();
        this.follower = new Thread(this::follow, "jmh-progress");
        follower.setDaemon(true);
    }

    /** Follows {@code log} from its current end until closed; {@code terminal}: keep one line current instead of printing a line per benchmark. */
    static JmhProgress follow(String label, Path log, PrintStream out, boolean terminal, Position position) {
        JmhProgress progress = new JmhProgress(label, out, terminal, log, position);
        progress.follower.start();
        return progress;
    }

    private void follow() {
        StringBuilder partial = new StringBuilder();
        while (!stopped) {
            readNew(partial);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void readNew(StringBuilder partial) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            if (file.length() <= offset) {
                return;
            }
            file.seek(offset);
            byte[] bytes = new byte[(int) Math.min(file.length() - offset, 1 << 20)];
            file.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                accept(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        } catch (IOException e) {
            // not there yet, or gone: the next read tries again
        }
    }

    /** One line of JMH's output. */
    synchronized void accept(String line) {
        Matcher m;
        if ((m = PROGRESS.matcher(line)).find()) {
            percent = m.group(1);
            eta = m.group(2);
        } else if ((m = BENCHMARK.matcher(line)).find()) {
            String name = m.group(1);
            int method = name.lastIndexOf('.');
            int type = method > 0 ? name.lastIndexOf('.', method - 1) : -1;
            benchmark = name.substring(type + 1);
            parameters = "";
            fork = "";
        } else if ((m = PARAMETERS.matcher(line)).find()) {
            parameters = m.group(1).replace(" = ", "=").replace(", ", " ");
            started++;
            if (!terminal) {
                out.println("   " + text());
                out.flush();
            }
        } else if ((m = FORK.matcher(line)).find()) {
            fork = m.group(1);
        } else {
            return;
        }
        if (terminal && benchmark != null) {
            String text = text();
            out.print("\r" + (text.length() > width ? text.substring(0, width) : text) + "\u001b[K");
            out.flush();
            shown = true;
        }
    }

    /**
     * "bench-serialization: CodecBenchmark.decode codec=json shape=small, benchmark 3 of 12, fork 1 of 2, 51.67% of the run,
     * ETA 00:02:07"; interleaved: "…, benchmark 5 of 18 (the whole run ~00:03:10 more), fork 1 of 1, 50.00% of this fork's run,
     * ETA 00:00:08".
     */
    synchronized String text() {
        int k = position.before() + started;
        int total = position.total();
        String whole = "";
        if (position.interleaved() && k >= 2 && total >= k) {
            // the benchmarks finished so far took this long each, on average: the rest (this one included) likewise
            long each = (clock.getAsLong() - position.sinceNanos()) / (k - 1);
            whole = " (the whole run ~" + hms(each * (total - k + 1)) + " more)";
        }
        // what matters most comes first: a line too long for the terminal loses its end
        return label + ": " + (benchmark == null ? "starting" : benchmark) + (parameters.isEmpty() ? "" : " " + parameters)
                + (started == 0 ? "" : ", benchmark " + k + (total >= k ? " of " + total : "")) + whole + (fork.isEmpty() ? "" : ", fork " + fork)
                + ", " + percent + (position.interleaved() ? "% of this fork's run" : "% of the run") + ", ETA " + eta;
    }

    /**
     * The terminal's columns less one (a line as wide as the terminal wraps, and {@code \r} then rewrites only its last
     * row): {@code COLUMNS} when exported, else what {@code stty size} says of {@code /dev/tty} (within 2 s), else
     * {@link #DEFAULT_WIDTH}.
     */
    static int terminalWidth() {
        Integer columns = columns(System.getenv("COLUMNS"));
        if (columns == null) {
            try {
                Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                    String[] size = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                    columns = size.length == 2 ? columns(size[1]) : null;
                } else {
                    stty.destroyForcibly();
                }
            } catch (IOException e) {
                // no terminal to ask
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return columns == null ? DEFAULT_WIDTH : Math.max(20, columns - 1);
    }

    private static Integer columns(String text) {
        try {
            int n = text == null ? 0 : Integer.parseInt(text.trim());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String hms(long nanos) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(Math.max(0, nanos));
        return String.format(Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** The benchmarks this run has started. */
    synchronized int started() {
        return started;
    }

    @Override
    public void close() {
        stopped = true;
        follower.interrupt();
        try {
            follower.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readNew(new StringBuilder());
        synchronized (this) {
            if (terminal && shown) {
                out.println();
                out.flush();
            }
        }
    }
}
