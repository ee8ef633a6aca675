/**
 * The audit trail's proof: the HMAC hash chain over every event, the keys it is computed with,
 * its verification, and the signed checkpoints that show the trail was not cut short.
 */
@NullMarked
package dev.rolecall.audit.chain;

import org.jspecify.annotations.NullMarked;
