package dev.rolecall.request;

import java.util.List;

/** The spec failed validation; nothing was saved. */
public class RoleSpecInvalidException extends RuntimeException {

    private final List<FieldProblem> problems;

    public RoleSpecInvalidException(List<FieldProblem> problems) {
        super(problems.size() + " field(s) are invalid");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
