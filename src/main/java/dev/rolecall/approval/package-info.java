/**
 * Review: the reviewer's inbox and decisions on requests. The first version completes a review
 * with one approval by any reviewer other than the requester.
 */
@NullMarked
package dev.rolecall.approval;

import org.jspecify.annotations.NullMarked;
