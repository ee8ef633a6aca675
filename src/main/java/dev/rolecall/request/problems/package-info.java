/**
 * Why the request module refused something. Each refusal carries its own HTTP answer (it is an
 * {@code ErrorResponseException}), so the shared error handling maps it without knowing request
 * types; other modules may catch them.
 */
@NullMarked
@NamedInterface("problems")
package dev.rolecall.request.problems;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
