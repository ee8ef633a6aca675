/**
 * The request pages and JSON API: the request form and its revisions, the reviewer's inbox and
 * decisions, the permissions cards. Controllers ask the {@code RoleRequestService} what a person may
 * do and render it; no rule lives here.
 */
@NullMarked
package dev.rolecall.request.web;

import org.jspecify.annotations.NullMarked;
