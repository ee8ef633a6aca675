package dev.rolecall.account;

/** What happens to an approved request in an account. */
public enum ApplyMode {
    /** Record the exact IAM calls that apply would make; send nothing to AWS. */
    PLAN_ONLY,
    /** Make the IAM calls. */
    APPLY
}
