/**
 * Notifications: tells the people who must act, once, where they already are. Request events (and
 * a temporary role's expiry)
 * become one message per channel (a group's email addresses and webhook, or its members' email
 * addresses; a requester's email),
 * written in the transaction that handled the event and sent by durable jobs with retries, at once
 * or in a channel's daily digest.
 */
@ApplicationModule(allowedDependencies = {"identity", "inventory :: events", "request", "request :: events", "routing"})
@NullMarked
package dev.rolecall.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
