package io.longnam.common;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an invalidation now and again once the current transaction commits: a cache forgetting an entry only at the
 * start of the changing transaction would let a concurrent reader put the old state back before the commit.
 */
public final class NowAndAfterCommit {

    private NowAndAfterCommit() {
    }

    public static void run(TransactionSynchronizationRegistry transactions, Runnable invalidation) {
        invalidation.run();
        if (transactions.getTransactionKey() == null) {
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidation.run();
                }
            }
        });
    }
}
