package io.wirebench.transport;

import io.wirebench.testing.BenchmarkListContract;

class BenchmarkListIT extends BenchmarkListContract {
    @Override
    protected String benchmarkPackage() {
        return "io.wirebench.transport";
    }

    @Override
    protected int expectedBenchmarkCount() {
        return 4;
    }
}
