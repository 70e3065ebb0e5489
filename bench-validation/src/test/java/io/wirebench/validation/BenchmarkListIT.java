package io.wirebench.validation;

import io.wirebench.testing.BenchmarkListContract;

class BenchmarkListIT extends BenchmarkListContract {
    @Override
    protected String benchmarkPackage() {
        return "io.wirebench.validation";
    }

    @Override
    protected int expectedBenchmarkCount() {
        return 5;
    }
}
