package dev.rolecall.web;

/**
 * One value of a request that could not be read, e.g. a parameter of the wrong type.
 *
 * @param field the field or parameter, as the client named it
 * @param message what is wrong and what is allowed
 */
record InputProblem(String field, String message) {}
