/** How a request's review goes: its route, stage by stage, as its readers see it. */
@NullMarked
package dev.rolecall.request.review;

import org.jspecify.annotations.NullMarked;
