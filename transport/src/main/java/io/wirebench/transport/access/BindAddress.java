package io.wirebench.transport.access;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where the service-side listeners this suite starts accept connections: 127.0.0.1 unless asked (the only
 * listener that ever moves is the one callers use: a broker's client port or the HTTP service; a broker's
 * cluster, distribution and mapper ports stay on loopback). Beyond loopback means anyone who reaches the
 * host reaches the service, so a non-loopback address is accepted only with credentials
 * ({@link #requireProtectedBy}). IPv4 literals only: {@code 0.0.0.0} for every address, or one of this host's.
 */
public record BindAddress(InetAddress address) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    public static final BindAddress LOOPBACK = parse("127.0.0.1");

    /** {@code text} as a bind address; an error names what is wrong and lists this host's addresses. */
    public static BindAddress parse(String text) {
        String t = text == null ? "" : text.strip();
        InetAddress address;
        try {
            address = IPV4.matcher(t).matches() ? InetAddress.getByName(t) : null; // a literal: no name lookup
        } catch (UnknownHostException e) {
            address = null; // an octet over 255
        }
        if (address == null) {
            throw new IllegalArgumentException("bind address '" + text + "' is not an IPv4 address; give 127.0.0.1 (the default),"
                    + " 0.0.0.0 (every address) or one of this host's: " + listed());
        }
        if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && !isThisHosts(address)) {
            throw new IllegalArgumentException("bind address " + t + " is not an address of this host; its addresses: " + listed());
        }
        return new BindAddress(address);
    }

    public boolean isLoopback() {
        return address.isLoopbackAddress();
    }

    /** {@code 0.0.0.0}: every address of the host. */
    public boolean isWildcard() {
        return address.isAnyLocalAddress();
    }

    /** The address as servers' configurations write it. */
    public String literal() {
        return address.getHostAddress();
    }

    /** The address a process on this host dials to reach a listener bound here (127.0.0.1 for the wildcard). */
    public String dialHost() {
        return isWildcard() ? "127.0.0.1" : literal();
    }

    /** Refuses a bind beyond loopback without credentials, saying why. */
    public void requireProtectedBy(Security security) {
        if (!isLoopback() && !security.authenticates()) {
            throw new IllegalArgumentException("bind " + literal() + " reaches beyond loopback: anyone who can reach this host could call"
                    + " the service and use its broker, with no credentials; add --security auth (credentials) or tls (credentials over TLS)");
        }
    }

    /** The non-loopback addresses of this host's interfaces that are up: what a wildcard listener answers on, besides loopback. */
    public static List<InetAddress> hostAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                        if (a instanceof Inet4Address) {
                            out.add(a);
                        }
                    }
                }
            }
        } catch (SocketException e) {
            throw new IllegalStateException("cannot list this host's network interfaces: " + e.getMessage(), e);
        }
        return out;
    }

    private static String listed() {
        return String.join(", ", hostAddresses().stream().map(InetAddress::getHostAddress).toList());
    }

    private static boolean isThisHosts(InetAddress address) {
        return hostAddresses().contains(address);
    }

    @Override
    public String toString() {
        return literal();
    }
}
