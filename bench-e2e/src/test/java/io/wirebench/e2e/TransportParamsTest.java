package io.wirebench.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirebench.transport.Transports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.annotations.Param;

/** The e2e benchmarks' {@code transport} lists (constants, as JMH needs) name registered transports only. */
class TransportParamsTest {

    @ParameterizedTest
    @ValueSource(classes = {AbstractOrderBenchmark.class, AnalyticsBenchmark.class, FilePipelineBenchmark.class})
    void everyTransportParamIsRegistered(Class<?> benchmark) throws Exception {
        Param param = benchmark.getDeclaredField("transport").getAnnotation(Param.class);
        assertTrue(param != null && param.value().length > 0, benchmark + ".transport has a @Param list");
        for (String name : param.value()) {
            assertTrue(Transports.names().contains(name), benchmark.getSimpleName() + " names '" + name + "', unknown to the registry: "
                    + Transports.names());
        }
    }
}
