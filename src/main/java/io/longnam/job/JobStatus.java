package io.longnam.job;

/**
 * A job's life: QUEUED until a worker claims its first item, then RUNNING until every item is settled.
 * SUBMITTER_REVOKED: stopped because the key that submitted it was revoked (or its user or client disabled); the
 * items not yet started were cancelled, since nobody may act with a withdrawn credential's rights any more.
 */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, PARTIALLY_FAILED, FAILED, CANCELLED, SUBMITTER_REVOKED;

    public boolean isTerminal() {
        return this != QUEUED && this != RUNNING;
    }
}
