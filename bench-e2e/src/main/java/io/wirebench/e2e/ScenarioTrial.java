package io.wirebench.e2e;

import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.TransportSidecar;
import io.wirebench.transport.Transports;
import io.wirebench.transport.placement.SplitService;
import java.util.List;
import java.util.Map;

/** What every scenario benchmark does at the start of a trial: start the transport and record what it is. */
final class ScenarioTrial {
    private ScenarioTrial() {
    }

    static Transport start(String transport) {
        return start(transport, null);
    }

    /** The transport, against the server at {@code url} when given (a split placement's service process), else its own. */
    static Transport start(String transport, String url) {
        Transport impl = Transports.byName(transport, url == null ? TransportSettings.defaults() : TransportSettings.defaults().withExternalUrl(url));
        for (Map.Entry<String, String> entry : impl.describe().entrySet()) {
            System.out.println("# wirebench " + entry.getKey() + ": " + entry.getValue());
        }
        TransportSidecar.write(impl);
        return impl;
    }

    /**
     * The order pipeline in a process of its own on CPUs of its own ({@code placement=split}): {@link ServeScenarios} with the
     * gateway, validation, inventory and payment over {@code transport}'s server, declining {@code paymentFailureRate} of the
     * charges; this JVM is pinned to the other CPUs until it is closed.
     */
    static SplitService split(String transport, String codec, double paymentFailureRate) {
        SplitService split = SplitService.start(ServeScenarios.class, List.of(
                "--transport", transport, "--codec", codec, "--services", "gateway,validation,inventory,payment",
                "--payment-failure-rate", Double.toString(paymentFailureRate)), null, null);
        System.out.println("# wirebench placement: " + split.describe());
        return split;
    }

    /** The end of a trial: the client, the service side, then the transport with its server, whatever fails. */
    static void stop(AutoCloseable client, AutoCloseable server, Transport impl) {
        try (impl; server; client) {
            // closed in reverse order: client, server, transport
        } catch (Exception e) {
            throw new IllegalStateException("closing the trial's transport: " + e.getMessage(), e);
        }
    }
}
