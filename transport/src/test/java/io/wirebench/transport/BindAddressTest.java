package io.wirebench.transport;

import io.wirebench.transport.access.BindAddress;
import io.wirebench.transport.access.Security;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where servers listen: loopback by default, an address of this host or the wildcard if asked, and beyond loopback only with credentials. */
class BindAddressTest {

    @Test
    void loopbackIsTheDefaultAndNeedsNoCredentials() {
        TransportSettings settings = TransportSettings.defaults();
        assertEquals("127.0.0.1", settings.bind().literal());
        assertTrue(settings.bind().isLoopback());
        assertEquals("127.0.0.1", settings.bind().dialHost());
    }

    @Test
    void theWildcardIsDialledOnLoopbackFromHere() {
        BindAddress every = BindAddress.parse("0.0.0.0");
        assertTrue(every.isWildcard());
        assertFalse(every.isLoopback());
        assertEquals("127.0.0.1", every.dialHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.org", "::1", "300.1.2.3", "10.0.0", ""})
    void anythingButAnIpv4LiteralIsRefusedWithTheHostsAddresses(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BindAddress.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "' is not an IPv4 address") && e.getMessage().contains("0.0.0.0"), e.getMessage());
    }

    @Test
    void anAddressOfAnotherHostIsRefused() {
        // TEST-NET-3 (RFC 5737): never assigned to a real interface
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BindAddress.parse("203.0.113.77"));
        assertTrue(e.getMessage().contains("203.0.113.77 is not an address of this host"), e.getMessage());
    }

    @Test
    void beyondLoopbackWithoutCredentialsIsRefusedWithTheReason() {
        BindAddress every = BindAddress.parse("0.0.0.0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TransportSettings.defaults().withSecurity(Security.NONE, every));
        assertTrue(e.getMessage().contains("beyond loopback") && e.getMessage().contains("--security auth"), e.getMessage());
        assertEquals(every, TransportSettings.defaults().withSecurity(Security.AUTH, every).bind());
        assertEquals(every, TransportSettings.defaults().withSecurity(Security.TLS, every).bind());
        // and no later change can drop the credentials while the bind stays
        TransportSettings exposed = TransportSettings.defaults().withSecurity(Security.TLS, every);
        assertThrows(IllegalArgumentException.class, () -> exposed.withSecurity(Security.NONE));
    }

    @Test
    void aManagedServerRefusesToStartBeyondLoopbackWithoutCredentials() {
        io.wirebench.transport.nats.ManagedNatsServer nats = new io.wirebench.transport.nats.ManagedNatsServer(Duration.ofSeconds(5));
        nats.bind(BindAddress.parse("0.0.0.0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, nats::start);
        assertTrue(e.getMessage().contains("beyond loopback"), e.getMessage());
        assertFalse(nats.isRunning());
    }
}
