package io.wirebench.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The shared sweeper: an unanswered future fails after its timeout with the given failure; an answered one is left alone. */
class DeadlinesTest {

    @Test
    void anUnansweredFutureFailsWithItsFailure() throws Exception {
        CompletableFuture<String> never = Deadlines.bound(new CompletableFuture<>(), Duration.ofMillis(100), TimeoutException::new);
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> never.get(5, TimeUnit.SECONDS));
        assertInstanceOf(TimeoutException.class, e.getCause());
    }

    @Test
    void anAnsweredFutureKeepsItsAnswer() throws Exception {
        CompletableFuture<String> answered = new CompletableFuture<>();
        assertSame(answered, Deadlines.bound(answered, Duration.ofMillis(100), TimeoutException::new));
        answered.complete("reply");
        Thread.sleep(3 * Deadlines.SWEEP_MILLIS + 100);
        assertEquals("reply", answered.get());
        assertTrue(!answered.isCompletedExceptionally());
    }
}
