package io.wirebench.transport;

import java.util.Set;

class RedisTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "redis";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TIMEOUT);
    }
}
