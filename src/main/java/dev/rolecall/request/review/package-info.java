/**
 * How a request's review goes: its route, stage by stage, as its readers see it, and the emergency a
 * request was filed as; other modules read these through the request module's services.
 */
@NullMarked
@NamedInterface("review")
package dev.rolecall.request.review;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
