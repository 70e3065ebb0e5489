package io.wirebench.e2e;

import io.wirebench.transport.Transport;
import io.wirebench.transport.TransportSettings;
import io.wirebench.transport.TransportSidecar;
import io.wirebench.transport.Transports;
import java.util.Map;

/** What every scenario benchmark does at the start of a trial: start the transport and record what it is. */
final class ScenarioTrial {
    private ScenarioTrial() {
    }

    static Transport start(String transport) {
        Transport impl = Transports.byName(transport, TransportSettings.defaults());
        for (Map.Entry<String, String> entry : impl.describe().entrySet()) {
            System.out.println("# wirebench " + entry.getKey() + ": " + entry.getValue());
        }
        TransportSidecar.write(impl);
        return impl;
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
