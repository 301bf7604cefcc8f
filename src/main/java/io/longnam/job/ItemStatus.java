package io.longnam.job;

/** One record of a job: RUNNING while a worker holds its lease; DONE, FAILED and CANCELLED are final. */
public enum ItemStatus {
    PENDING, RUNNING, DONE, FAILED, CANCELLED
}
