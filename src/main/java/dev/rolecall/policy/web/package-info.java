/** The policy analysis and simulation JSON API. */
@NullMarked
package dev.rolecall.policy.web;

import org.jspecify.annotations.NullMarked;
