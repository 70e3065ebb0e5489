package io.wirebench.e2e.load;

import io.wirebench.e2e.orders.OrderIds;
import io.wirebench.schemas.codec.Codec;
import io.wirebench.transport.Transport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the seed's scenarios, the only place that lists them: e-commerce (the order pipeline), real-time
 * analytics and file processing. The load command, its workers, the distributed run and the benchmark profiles' checks
 * ask it; an unknown name fails with the valid ones. {@link #NO_OP} is not a scenario: it is the load runner's no-op
 * service, for measuring the generator's own ceiling.
 */
public final class Scenarios {
    /** The no-op service ({@code --scenario noop}): no transport, no books; the generator's ceiling. */
    public static final String NO_OP = "noop";

    private static final Map<String, Scenario> BY_NAME = new LinkedHashMap<>();

    static {
        for (Scenario s : List.of(new Ecommerce(), new Analytics(), new Files())) {
            BY_NAME.put(s.name(), s);
        }
    }

    private Scenarios() {
    }

    /** Every scenario's name, in registry order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    static Scenario byName(String name) {
        Scenario scenario = BY_NAME.get(name);
        if (scenario == null) {
            throw new IllegalArgumentException("unknown scenario '" + name + "'; available: " + String.join(", ", names()));
        }
        return scenario;
    }

    /** The names of the scenarios workers can send, in registry order. */
    static List<String> distributable() {
        return BY_NAME.values().stream().filter(s -> s.distributed() != null).map(Scenario::name).toList();
    }

    /** Orders to the gateway of the order pipeline (inventory, payment, its books). */
    private static final class Ecommerce implements Scenario, Scenario.Distributed {
        @Override
        public String name() {
            return "ecommerce";
        }

        @Override
        public double configuredRate(LoadConfig settings) {
            return settings.scenarios().ecommerce().orderRate();
        }

        @Override
        public String unit(LoadConfig settings) {
            return settings.scenarios().ecommerce().shape() + " orders";
        }

        @Override
        public LoadScenario open(LoadConfig settings, Transport transport, Codec codec, int users) {
            return new ClientServiceLoad(this, settings, transport, codec);
        }

        @Override
        public Distributed distributed() {
            return this;
        }

        @Override
        public ServiceSide serviceSide(LoadConfig settings, Transport transport, Codec codec) {
            return new EcommerceService(settings.scenarios().ecommerce(), transport, codec);
        }

        @Override
        public LoadProtocol.Target target(LoadConfig settings, String transport, String serviceUrl, String codec) {
            long idsBase = System.currentTimeMillis() / 1000 * 64; // each caller's ids from idsBase + its index: no two runs or callers share one
            return new LoadProtocol.Target(name(), transport, serviceUrl, codec, settings.scenarios().ecommerce().shape(), idsBase, 0);
        }

        @Override
        public ScenarioClient client(LoadProtocol.Target target, Transport transport, Codec codec, int index) {
            return new EcommerceClient(target.shape(), transport, codec, new OrderIds(target.idsBase() + index));
        }
    }

    /** Batches of events to the aggregation service, with readers querying the aggregates back to back. */
    private static final class Analytics implements Scenario, Scenario.Distributed {
        @Override
        public String name() {
            return "analytics";
        }

        @Override
        public double configuredRate(LoadConfig settings) {
            return settings.scenarios().analytics().eventRate() / settings.scenarios().analytics().batchSize();
        }

        @Override
        public String unit(LoadConfig settings) {
            return "batches of " + settings.scenarios().analytics().batchSize() + " events";
        }

        @Override
        public LoadScenario open(LoadConfig settings, Transport transport, Codec codec, int users) {
            return new ClientServiceLoad(this, settings, transport, codec);
        }

        @Override
        public Distributed distributed() {
            return this;
        }

        @Override
        public ServiceSide serviceSide(LoadConfig settings, Transport transport, Codec codec) {
            return new AnalyticsServiceSide(settings.scenarios().analytics(), transport, codec);
        }

        @Override
        public LoadProtocol.Target target(LoadConfig settings, String transport, String serviceUrl, String codec) {
            return new LoadProtocol.Target(name(), transport, serviceUrl, codec, null, 0, settings.scenarios().analytics().batchSize());
        }

        @Override
        public ScenarioClient client(LoadProtocol.Target target, Transport transport, Codec codec, int index) {
            return new AnalyticsClient(target.batchSize(), transport, codec);
        }
    }

    /** Whole file uploads (chunks, manifest to summary), a corrupted chunk re-sent; in one process only. */
    private static final class Files implements Scenario {
        @Override
        public String name() {
            return "files";
        }

        @Override
        public double configuredRate(LoadConfig settings) {
            return settings.scenarios().files().uploadRate();
        }

        @Override
        public String unit(LoadConfig settings) {
            return FilesLoad.unit(settings.scenarios().files());
        }

        @Override
        public LoadScenario open(LoadConfig settings, Transport transport, Codec codec, int users) {
            return new FilesLoad(settings.scenarios().files(), transport, codec, users);
        }
    }
}
