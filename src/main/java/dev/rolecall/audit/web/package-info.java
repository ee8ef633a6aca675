/** The audit page, its filters and presets, and the CSV download over the page and the API. */
@NullMarked
package dev.rolecall.audit.web;

import org.jspecify.annotations.NullMarked;
