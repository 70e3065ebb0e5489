package io.wirebench.transport;

import io.wirebench.transport.access.Security;
import io.wirebench.transport.floor.Floor;
import io.wirebench.transport.server.ServerProgram;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the suite needs to know about one transport, in one place, found by {@link Transports} through
 * {@link ServiceLoader} ({@code META-INF/services/io.wirebench.transport.TransportProvider}), as OpenMessaging
 * Benchmark finds its drivers: the name a {@code transport} parameter gives, how to make the transport, where an
 * external server's address may come from, the server a fault can target, the server programs it runs on (their
 * Debian packages, version commands and process names), its floor, and the security levels it runs with. Every help
 * text, fault check, floor stage, environment probe and contract test asks the registry; none lists transports
 * itself. A transport's provider is a nested {@code Provider} class with a public no-argument constructor (as
 * {@code ServiceLoader} needs) that passes its {@link Description} to this class's constructor.
 */
public abstract class TransportProvider {

    /**
     * Where an external server's address may be given instead of starting one: a system property, an environment
     * variable; and the URL schemes of such an address, in the clear and with TLS ({@code amqp} and {@code amqps}; the
     * same for a protocol that upgrades, as NATS does).
     */
    public record ExternalAddress(String property, String variable, String scheme, String tlsScheme) {

        /** The address of a server of this kind at {@code host} and {@code port}, without credentials. */
        public String url(String host, int port) {
            return scheme + "://" + host + ":" + port;
        }

        /** The address of such a server with TLS. */
        public String tlsUrl(String host, int port) {
            return tlsScheme + "://" + host + ":" + port;
        }
    }

    /** What a provider says of its transport; {@link #describe} starts one. */
    public static final class Description {
        private final String name;
        private final Function<TransportSettings, Transport> factory;
        private ExternalAddress externalAddress;
        private String faultTarget;
        private final List<ServerProgram> servers = new ArrayList<>();
        private Floor floor;
        private final List<String> floorPackages = new ArrayList<>();
        private Set<Security> securities = Set.copyOf(EnumSet.allOf(Security.class));

        private Description(String name, Function<TransportSettings, Transport> factory) {
            this.name = name;
            this.factory = factory;
        }

        /** An external server's address (a {@code scheme} URL, {@code tlsScheme} with TLS) may be given at this property or variable. */
        public Description external(String property, String variable, String scheme, String tlsScheme) {
            externalAddress = new ExternalAddress(property, variable, scheme, tlsScheme);
            return this;
        }

        /** The name a fault schedule gives its server (its broker, or its HTTP service, reached through {@link Transport#faultTarget()}). */
        public Description faultTarget(String target) {
            faultTarget = target;
            return this;
        }

        /** A server program it runs on. */
        public Description server(ServerProgram server) {
            servers.add(server);
            return this;
        }

        /** Its floor, and the Debian packages of the tools the floor runs (wrk, say), if any. */
        public Description floor(Floor measure, String... debianPackages) {
            floor = measure;
            floorPackages.addAll(List.of(debianPackages));
            return this;
        }

        /** The security levels it runs with (default: every level). */
        public Description securities(Set<Security> levels) {
            securities = Set.copyOf(levels);
            return this;
        }
    }

    private final Description description;

    protected TransportProvider(Description description) {
        this.description = description;
    }

    /** A description of the transport {@code name}, made by {@code factory}. */
    protected static Description describe(String name, Function<TransportSettings, Transport> factory) {
        return new Description(name, factory);
    }

    /** The {@code transport} parameter token. */
    public final String name() {
        return description.name;
    }

    /** A transport with {@code settings} (the external server's address already in them, if one was given). */
    public final Transport create(TransportSettings settings) {
        return description.factory.apply(settings);
    }

    /** Null if it always runs its own server (or none). */
    public final ExternalAddress externalAddress() {
        return description.externalAddress;
    }

    /** Null if it has no server a fault can target. */
    public final String faultTarget() {
        return description.faultTarget;
    }

    public final List<ServerProgram> servers() {
        return List.copyOf(description.servers);
    }

    /** Its floor, if the floor stage measures one for it. */
    public final Optional<Floor> floor() {
        return Optional.ofNullable(description.floor);
    }

    /** The Debian packages of its server programs and of its floor's tools, once each. */
    public final Set<String> debianPackages() {
        Set<String> packages = new LinkedHashSet<>();
        description.servers.forEach(s -> packages.add(s.debianPackage()));
        packages.addAll(description.floorPackages);
        return packages;
    }

    public final Set<Security> securities() {
        return description.securities;
    }
}
