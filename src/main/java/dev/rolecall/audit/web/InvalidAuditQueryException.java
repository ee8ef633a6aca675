package dev.rolecall.audit.web;

import java.util.List;

/** Some audit filters in the URL query could not be read. */
class InvalidAuditQueryException extends RuntimeException {

    private final AuditQuery query;
    private final List<AuditQuery.Problem> problems;

    InvalidAuditQueryException(AuditQuery query, List<AuditQuery.Problem> problems) {
        super("invalid audit filter: " + problems);
        this.query = query;
        this.problems = List.copyOf(problems);
    }

    AuditQuery query() {
        return query;
    }

    List<AuditQuery.Problem> problems() {
        return problems;
    }
}
