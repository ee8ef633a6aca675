package dev.rolecall.request.spec;

import dev.rolecall.policy.analysis.PolicyAnalysis;
import java.util.List;

/**
 * What a spec would meet on submit: field problems (format errors and blocking findings) and the
 * policy analysis reviewers would see.
 */
public record RoleRequestCheck(List<FieldProblem> problems, PolicyAnalysis analysis) {}
