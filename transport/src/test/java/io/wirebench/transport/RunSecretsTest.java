package io.wirebench.transport;

import io.wirebench.transport.access.RunSecrets;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Secrets never show in what the suite prints: URLs' passwords and this run's password are masked. */
class RunSecretsTest {

    @Test
    void urlPasswordsAndTheRunsPasswordAreMasked() {
        assertEquals("cannot connect to amqp://wirebench:***@127.0.0.1:5671/: refused",
                RunSecrets.mask("cannot connect to amqp://wirebench:" + RunSecrets.password() + "@127.0.0.1:5671/: refused"));
        assertEquals("redis://:***@127.0.0.1:6379", RunSecrets.mask("redis://:hunter2@127.0.0.1:6379"));
        assertEquals("amqps://me:***@broker.example:5671/vhost and nats://127.0.0.1:4222",
                RunSecrets.mask("amqps://me:p4ss@broker.example:5671/vhost and nats://127.0.0.1:4222"));
        assertEquals("token *** refused", RunSecrets.mask("token " + RunSecrets.password() + " refused"));
        RpcException e = new RpcException(RpcException.Kind.TRANSPORT, "cannot connect to amqp://u:" + RunSecrets.password() + "@h/");
        assertFalse(e.getMessage().contains(RunSecrets.password()), e.getMessage());
        assertFalse(ErrorText.of(new IllegalStateException("bad " + RunSecrets.password())).contains(RunSecrets.password()));
    }
}
