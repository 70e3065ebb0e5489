package io.wirebench.transport.server;

/**
 * Something a load run's fault schedule can break and repair: a managed broker process, or the HTTP
 * service. {@link #kill()} is a crash (nothing is closed gracefully), {@link #restart()} brings it back
 * on the same port, so clients reconnect by themselves; {@link #pause()} freezes it without closing its
 * connections, {@link #resume()} thaws it.
 */
public interface FaultTarget {

    void kill();

    void restart();

    void pause();

    void resume();
}
