package io.wirebench.e2e.load;

/** A request that got an answer which is not a success, with the kind it is counted under. */
public final class LoadFailure extends RuntimeException {
    private final FailureKind kind;

    public LoadFailure(FailureKind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
