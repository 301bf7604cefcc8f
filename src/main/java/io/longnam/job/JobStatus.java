package io.longnam.job;

/** A job's life: QUEUED until a worker claims its first item, then RUNNING until every item is settled. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }
}
