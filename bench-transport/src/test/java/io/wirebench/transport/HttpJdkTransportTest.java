package io.wirebench.transport;

import java.util.Set;

class HttpJdkTransportTest extends TransportContract {
    @Override
    protected String transportName() {
        return "http-jdk";
    }

    @Override
    protected Set<RpcException.Kind> unansweredKinds() {
        return Set.of(RpcException.Kind.TRANSPORT);
    }
}
