package dev.rolecall.request;

import java.time.Instant;

/**
 * One submitted revision of a request, as reviewers compare them.
 *
 * @param number 1 for the first submission, then one more for each revision
 * @param spec the role this revision asks for
 * @param justification why, as the requester wrote it for this revision
 * @param submittedBy who filed it: the requester, or a reviewer who edited the request
 * @param submittedAt when it was filed
 */
public record RevisionView(int number, RoleSpec spec, String justification, String submittedBy, Instant submittedAt) {}
