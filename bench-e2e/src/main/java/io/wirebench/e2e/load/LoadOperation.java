package io.wirebench.e2e.load;

import io.wirebench.transport.RpcClient;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import java.util.function.LongFunction;

/**
 * One unit of work of a load run, started by the runner at its intended time: a request, or a whole
 * upload of many requests. It completes normally on success; exceptionally with a {@link LoadFailure}
 * (an answer that is not a success) or an {@code RpcException} (no answer), which the runner counts by
 * kind. It must complete within the run's request timeout or the runner counts it as timed out.
 */
@FunctionalInterface
public interface LoadOperation {

    CompletableFuture<?> start(long index);

    /** One request to {@code endpoint}: {@code requestOf(i)} out, {@code replyCheck(i, reply)} must hold. */
    static LoadOperation rpc(RpcClient client, String endpoint, LongFunction<byte[]> requestOf, BiPredicate<Long, byte[]> replyCheck) {
        return index -> client.requestAsync(endpoint, requestOf.apply(index)).thenApply(reply -> {
            if (!replyCheck.test(index, reply)) {
                throw new LoadFailure(FailureKind.WRONG_REPLY, endpoint + ": reply to request " + index + " is not its own");
            }
            return reply;
        });
    }
}
