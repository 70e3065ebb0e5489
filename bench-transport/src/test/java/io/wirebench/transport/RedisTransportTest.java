package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

class RedisTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "redis";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TIMEOUT);
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

    @Test
    void requestAsyncDoesNoNetworkRoundTripOnTheCallersThread() {
        assertRequestAsyncDoesNotWaitFor(((RedisTransport) transport).managedServer());
    }
}
