package io.longnam.workflow;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "longnam.workflows")
public interface WorkflowConfig {

    /** Documents one {@code POST /api/v1/workflow-batches} may start chains on (all in one transaction). */
    @WithDefault("500")
    int maxBatch();

    /** Workflows one bulk approval may take. */
    @WithDefault("1000")
    int maxBulkApproval();
}
