package io.wirebench.transport;

import io.wirebench.transport.access.Security;
import io.wirebench.transport.server.Processes;
import io.wirebench.transport.server.ServerProgram;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The registry behind every {@code transport} parameter: the {@link TransportProvider}s on the class path, in the
 * order of their service files. External servers come from each provider's {@link TransportProvider.ExternalAddress}
 * ({@code -DnatsUrl} or {@code WIREBENCH_NATS_URL}, and the like); without one, the transport starts its own
 * managed server. A secured external server's secret and authority come from {@link RemoteCredentials#fromEnvironment()}.
 */
public final class Transports {
    private static final Map<String, TransportProvider> PROVIDERS = load();

    private Transports() {
    }

    private static Map<String, TransportProvider> load() {
        Map<String, TransportProvider> providers = new LinkedHashMap<>();
        for (TransportProvider provider : ServiceLoader.load(TransportProvider.class, Transports.class.getClassLoader())) {
            TransportProvider twin = providers.putIfAbsent(provider.name(), provider);
            if (twin != null) {
                throw new IllegalStateException("two transports are named '" + provider.name() + "': " + twin.getClass().getName()
                        + " and " + provider.getClass().getName());
            }
        }
        if (providers.isEmpty()) {
            throw new IllegalStateException("no transport found: META-INF/services/" + TransportProvider.class.getName()
                    + " is missing from the class path (a jar built without the services transformer?)");
        }
        return Collections.unmodifiableMap(providers);
    }

    /** Every transport's name, in registry order. */
    public static List<String> names() {
        return List.copyOf(PROVIDERS.keySet());
    }

    /** The provider named {@code name}; an unknown name fails with the valid ones. */
    public static TransportProvider provider(String name) {
        TransportProvider provider = PROVIDERS.get(name);
        if (provider == null) {
            throw new IllegalArgumentException("unknown transport '" + name + "'; valid transports: " + String.join(", ", names()));
        }
        return provider;
    }

    public static Transport byName(String name, TransportSettings settings) {
        TransportProvider provider = provider(name);
        if (!provider.securities().contains(settings.security())) {
            throw new IllegalArgumentException(name + ": security '" + settings.security().parameter() + "' is not supported; it runs with "
                    + String.join(", ", provider.securities().stream().map(Security::parameter).toList()));
        }
        return provider.create(external(settings, provider.externalAddress()));
    }

    /**
     * The address of the server {@code name} was given from outside (its provider's system property, else its
     * environment variable), or null when it starts its own; {@link #describeExternalAddress} names where to give one.
     */
    public static String externalUrl(String name) {
        return given(provider(name).externalAddress());
    }

    /** The address given at {@code address}'s system property, else its environment variable; null when none is. */
    private static String given(TransportProvider.ExternalAddress address) {
        String url = address == null ? null : System.getProperty(address.property(), System.getenv(address.variable()));
        return url == null || url.isBlank() ? null : url;
    }

    /** Where {@code name}'s external server address is given, for error messages ("-DnatsUrl=... or NATS_URL"). */
    public static String describeExternalAddress(String name) {
        TransportProvider.ExternalAddress address = provider(name).externalAddress();
        return address == null ? name + " takes no external server address" : "-D" + address.property() + "=... or " + address.variable();
    }

    /** The names a fault schedule may target (the servers transports run on), in registry order. */
    public static Set<String> faultTargets() {
        Set<String> targets = new LinkedHashSet<>();
        PROVIDERS.values().stream().map(TransportProvider::faultTarget).filter(Objects::nonNull).forEach(targets::add);
        return Collections.unmodifiableSet(targets);
    }

    /** Every transport's server programs, once each, in registry order. */
    public static List<ServerProgram> servers() {
        Map<String, ServerProgram> servers = new LinkedHashMap<>();
        PROVIDERS.values().forEach(p -> p.servers().forEach(s -> servers.putIfAbsent(s.name(), s)));
        return List.copyOf(servers.values());
    }

    /** The names of the transports the floor stage measures a floor for, in registry order. */
    public static List<String> withFloor() {
        return PROVIDERS.values().stream().filter(p -> p.floor().isPresent()).map(TransportProvider::name).toList();
    }

    /** The server processes (of {@link #servers()}) started at or after {@code since} and still running: what a run left behind. */
    public static List<String> serversStartedSince(Instant since) {
        List<ServerProgram> servers = servers();
        return Processes.startedSince(since, command -> servers.stream().anyMatch(s -> s.runs(command)));
    }

    /** The Debian packages of every transport's servers and floors, once each. */
    public static Set<String> debianPackages() {
        Set<String> packages = new LinkedHashSet<>();
        PROVIDERS.values().forEach(p -> packages.addAll(p.debianPackages()));
        return Collections.unmodifiableSet(packages);
    }

    /** The names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts ({@code completionCandidates = Transports.Names.class}). */
    public static final class Names extends ArrayList<String> {
        public Names() {
            super(names());
        }
    }

    private static TransportSettings external(TransportSettings settings, TransportProvider.ExternalAddress address) {
        TransportSettings external = settings;
        if (external.externalUrl() == null) {
            String url = given(address);
            if (url == null) {
                return settings;
            }
            external = external.withExternalUrl(url);
        }
        return external.remote() == null ? external.withRemote(RemoteCredentials.fromEnvironment()) : external;
    }
}
