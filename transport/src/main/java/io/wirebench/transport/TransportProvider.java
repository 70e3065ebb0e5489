package io.wirebench.transport;

import io.wirebench.transport.access.Security;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the suite needs to know about one transport, in one place, found by {@link Transports} through
 * {@link java.util.ServiceLoader} ({@code META-INF/services/io.wirebench.transport.TransportProvider}), as
 * OpenMessaging Benchmark finds its drivers: the name a {@code transport} parameter gives, how to make the transport,
 * where an external server's address may come from, the server a fault can target, the Debian packages its servers
 * come from, and the security levels it runs with. Every help text, fault check and contract test asks the
 * registry; none lists transports itself. A transport's provider is a nested {@code Provider} class with a public
 * no-argument constructor (as {@code ServiceLoader} needs) that passes all of this to this class's constructor.
 */
public abstract class TransportProvider {

    /** Where an external server's address may be given instead of starting one: a system property, an environment variable. */
    public record ExternalAddress(String property, String variable) {
    }

    private final String name;
    private final Function<TransportSettings, Transport> factory;
    private final ExternalAddress externalAddress;
    private final String faultTarget;
    private final List<String> debianPackages;
    private final Set<Security> securities;

    /**
     * @param externalAddress null if it always runs its own server (or none)
     * @param faultTarget the name a fault schedule gives its server (its broker, or its HTTP service, reached through
     *                    {@link Transport#faultTarget()}); null if it has none
     */
    protected TransportProvider(String name, Function<TransportSettings, Transport> factory, ExternalAddress externalAddress,
                                String faultTarget, List<String> debianPackages, Set<Security> securities) {
        this.name = name;
        this.factory = factory;
        this.externalAddress = externalAddress;
        this.faultTarget = faultTarget;
        this.debianPackages = List.copyOf(debianPackages);
        this.securities = Set.copyOf(securities);
    }

    /** Every {@link Security} level. */
    protected static Set<Security> anySecurity() {
        return EnumSet.allOf(Security.class);
    }

    /** The {@code transport} parameter token. */
    public final String name() {
        return name;
    }

    /** A transport with {@code settings} (the external server's address already in them, if one was given). */
    public final Transport create(TransportSettings settings) {
        return factory.apply(settings);
    }

    public final ExternalAddress externalAddress() {
        return externalAddress;
    }

    public final String faultTarget() {
        return faultTarget;
    }

    public final List<String> debianPackages() {
        return debianPackages;
    }

    public final Set<Security> securities() {
        return securities;
    }
}
