package io.wirebench.e2e;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The JMH settings every bench-e2e benchmark runs with, in one place (JMH sample 24's inheritance): 2 forks
 * with a fixed 1 GiB heap, 3 warm-up and 5 measured iterations of 2 s (a scenario's request takes tens to
 * hundreds of µs, so an iteration needs more time than a codec call's). The modes are per method: each
 * benchmark method says whether it measures latency (sample) or throughput. A class states its own setting
 * only where its measurement differs ({@link FilePipelineBenchmark}: a 2 GiB heap for its files).
 * {@code scripts/bench}'s profiles and the command line override these for a run.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public abstract class AbstractE2eBenchmark {
}
