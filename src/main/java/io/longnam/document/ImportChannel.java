package io.longnam.document;

/** How a document reached us (TOR 2.6.1); reports group by it. */
public enum ImportChannel {
    API, WEB_UPLOAD, SFTP, KEY_IN, BULK_JOB, STUDENT_REQUEST
}
