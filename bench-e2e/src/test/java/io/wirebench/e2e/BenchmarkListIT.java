package io.wirebench.e2e;

import io.wirebench.testing.BenchmarkListContract;

class BenchmarkListIT extends BenchmarkListContract {
    @Override
    protected String benchmarkPackage() {
        return "io.wirebench.e2e";
    }

    @Override
    protected int expectedBenchmarkCount() {
        return 8;
    }
}
