package io.longnam.job;

import io.longnam.document.InputFormat;
import io.longnam.job.JobDtos.JobOptions;

/** A submission being read: hands each record to a sink and answers the job's template and options. */
interface JobSource {

    record Header(String templateId, InputFormat inputFormat, JobOptions options) {
    }

    /** Where records go as they are read; a record the reader already refused (e.g. a CSV formula cell) fails at once. */
    interface ItemSink {
        void pending(String inputJson);

        void failed(String inputJson, String code, String message, String fieldsJson);
    }

    Header read(ItemSink sink);

    /** SHA-256 of the request, for Idempotency-Key comparison; valid after {@link #read}. */
    String requestHash();
}
