/**
 * What a role looks like on its way in: parsing the JSON a person typed, checking a spec field by
 * field, and storing it as JSON.
 */
@NullMarked
package dev.rolecall.request.spec;

import org.jspecify.annotations.NullMarked;
