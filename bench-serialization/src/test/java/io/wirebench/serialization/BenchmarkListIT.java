package io.wirebench.serialization;

import io.wirebench.testing.BenchmarkListContract;

class BenchmarkListIT extends BenchmarkListContract {
    @Override
    protected String benchmarkPackage() {
        return "io.wirebench.serialization";
    }

    @Override
    protected int expectedBenchmarkCount() {
        // encode, decode, roundTrip × CodecBenchmark, ContendedCodecBenchmark, EventBatchCodecBenchmark, FileChunkCodecBenchmark
        return 12;
    }
}
