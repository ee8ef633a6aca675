/** The routing admin page: groups, rules and the "which route would this request take?" tester. */
@NullMarked
package dev.rolecall.routing.web;

import org.jspecify.annotations.NullMarked;
