package dev.rolecall.request;

/** The outcome of one IAM call. */
public enum ApplyStepStatus {
    /** Plan-only: the call was recorded and nothing was sent to AWS. */
    PLANNED,
    /** AWS accepted the call. */
    SUCCEEDED,
    /** AWS refused the call; the error code and message are recorded. */
    FAILED
}
