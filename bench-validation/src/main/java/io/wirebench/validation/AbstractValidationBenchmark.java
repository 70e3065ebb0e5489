package io.wirebench.validation;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every bench-validation benchmark runs with, in one place (JMH sample 24's inheritance):
 * average time in µs per validation, 2 forks with a fixed 2 GiB heap (so heap sizing does not move a
 * figure), 3 warm-up and 5 measured iterations of 1 s. A class states its own setting only where its
 * measurement differs ({@link BootstrapBenchmark}: one cold shot per fork). {@code scripts/bench}'s
 * profiles and the command line override these for a run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class AbstractValidationBenchmark {
}
