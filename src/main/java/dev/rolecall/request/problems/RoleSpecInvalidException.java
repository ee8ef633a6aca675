package dev.rolecall.request.problems;

import dev.rolecall.request.spec.FieldProblem;
import java.util.List;

/** The spec failed validation; nothing was saved. Maps to 400 with one error per problem. */
public class RoleSpecInvalidException extends RequestException {

    private final List<FieldProblem> problems;

    public RoleSpecInvalidException(List<FieldProblem> problems) {
        super(problems.size() + " field(s) are invalid", validation(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** The problems as a person reads them, for a page that lists several refusals: each field's message. */
    public String describe() {
        return String.join("; ", problems.stream().map(FieldProblem::message).toList());
    }
}
