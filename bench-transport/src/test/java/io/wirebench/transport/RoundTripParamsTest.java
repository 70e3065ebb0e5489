package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

/** RoundTripBenchmark's transport list (a constant, as JMH needs) names registered transports only. */
class RoundTripParamsTest {

    @Test
    void everyTransportParamIsRegistered() throws Exception {
        Param param = RoundTripBenchmark.class.getDeclaredField("transport").getAnnotation(Param.class);
        assertTrue(param != null && param.value().length > 0, "RoundTripBenchmark.transport has a @Param list");
        for (String name : param.value()) {
            assertTrue(Transports.names().contains(name), "RoundTripBenchmark names '" + name + "', unknown to the registry: " + Transports.names());
        }
    }
}
