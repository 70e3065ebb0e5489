package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RabbitMqTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "rabbitmq";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TIMEOUT, RpcException.Kind.TRANSPORT);
    }

    /** The managed broker itself refuses a message over the body limit (406, channel closed), so a client that skips the check is refused too. */
    @Test
    void theManagedBrokerRefusesAMessageOverTheBodyLimit() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(((RabbitMqTransport) transport).managedServer().uri());
        byte[] oversized = new byte[(int) (BodyLimit.MAX_BYTES + BodyLimit.ENVELOPE_BYTES + 1)];
        try (Connection raw = factory.newConnection("wirebench-test-oversized")) {
            Channel channel = raw.createChannel();
            channel.queueDeclare("wirebench.test.oversized", false, false, true, null);
            channel.basicPublish("", "wirebench.test.oversized", null, oversized);
            // the refusal is asynchronous: the next synchronous call on the channel sees it
            Exception e = assertThrows(Exception.class, () -> channel.queueDeclarePassive("wirebench.test.oversized"));
            assertFalse(channel.isOpen());
            String reason = String.valueOf(channel.getCloseReason());
            assertTrue(reason.contains("406") || reason.contains("PRECONDITION_FAILED"), reason + " / " + e);
            Channel after = raw.createChannel();
            assertTrue(after.queueDeclarePassive("wirebench.test.oversized").getMessageCount() == 0, "nothing was queued");
        }
    }
}
