package io.wirebench.transport.redis;

import io.wirebench.transport.ContractFixture;
import io.wirebench.transport.Transport;
import io.wirebench.transport.access.BodyLimit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is Redis's own beyond the contract ({@link io.wirebench.transport.TransportContractTest}): the managed server's body limit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisTransportTest {
    private ContractFixture fixture;
    private Transport transport;

    @BeforeAll
    void start() {
        fixture = ContractFixture.start("redis");
        transport = fixture.transport();
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** The managed redis-server itself refuses a value over the body limit, so a client that skips the check is refused too. */
    @Test
    void theManagedServerRefusesABulkStringOverTheBodyLimit() {
        int port = ((RedisTransport) transport).managedServer().port();
        byte[] oversized = new byte[(int) (BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES + 1)];
        try (Jedis raw = new Jedis("127.0.0.1", port)) {
            JedisException e = assertThrows(JedisException.class, () -> raw.lpush("wirebench:oversized".getBytes(), oversized));
            assertTrue(String.valueOf(e.getMessage()).contains("bulk length") || e.getMessage().contains("Broken pipe")
                    || e.getMessage().contains("Connection reset") || e.getMessage().contains("Unexpected end of stream"), e.getMessage());
        }
        try (Jedis raw = new Jedis("127.0.0.1", port)) {
            assertEquals(0, raw.llen("wirebench:oversized"), "nothing was stored");
        }
    }
}
