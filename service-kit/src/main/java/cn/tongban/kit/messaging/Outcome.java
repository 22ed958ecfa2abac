package cn.tongban.kit.messaging;

/** What became of an {@link AtomicChange} or the creation of an aggregate. */
public enum Outcome {
    /** Stored, with its outbox events. */
    APPLIED,
    /** The causing event had been applied before: nothing changed. */
    DUPLICATE,
    /** The aggregate is not in a state that allows the change: nothing changed. */
    CONFLICT,
    /** No such aggregate. */
    NOT_FOUND;

    public boolean changed() {
        return this == APPLIED;
    }
}
