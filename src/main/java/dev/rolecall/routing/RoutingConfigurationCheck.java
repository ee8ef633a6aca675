package dev.rolecall.routing;

import dev.rolecall.routing.RoutingProperties.Outcome;
import dev.rolecall.routing.RoutingProperties.Rule;
import dev.rolecall.routing.RoutingProperties.Stage;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks what single fields cannot: that the groups a rule, stage or account names exist and that
 * each stage can gather its approvals. Each problem names its key, e.g.
 * {@code rules[2].stages[0].groups}.
 */
class RoutingConfigurationCheck implements ConstraintValidator<ConsistentRouting, RoutingProperties> {

    @Override
    public boolean isValid(@Nullable RoutingProperties routing, ConstraintValidatorContext context) {
        if (routing == null) {
            return true;
        }
        Problems problems = new Problems(routing.groups(), routing.accountOwners(), context);
        routing.accountOwners()
                .forEach((account, group) -> problems.knownGroup("account-owners[" + account + "]", group));
        checkRules(routing.rules(), problems);
        if (routing.defaultRoute().isEmpty()) {
            problems.knownGroup("default-route", RoutingProperties.DEFAULT_GROUP);
        }
        checkStages("default-route", routing.defaultRoute(), problems);
        routing.breakGlass().groups().forEach(group -> problems.knownGroup("break-glass.groups", group));
        Stage review = routing.breakGlass().review();
        if (review != null) {
            checkStage("break-glass.review", review, problems);
        } else if (!routing.breakGlass().groups().isEmpty()) {
            problems.knownGroup("break-glass.review", RoutingProperties.DEFAULT_GROUP);
        }
        return problems.none();
    }

    private static void checkRules(List<Rule> rules, Problems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            String key = "rules[" + i + "]";
            if (rule.name() != null && !names.add(rule.name())) {
                problems.add(key + ".name", "another rule is already named '" + rule.name() + "'");
            }
            if (rule.outcome() == Outcome.REVIEW && rule.stages().isEmpty()) {
                problems.add(key + ".stages", "a REVIEW rule needs at least one stage");
            }
            if (rule.outcome() != Outcome.REVIEW && !rule.stages().isEmpty()) {
                problems.add(key + ".stages", "only a REVIEW rule has stages");
            }
            if (rule.outcome() == Outcome.DENY && rule.message() == null) {
                problems.add(key + ".message", "a DENY rule needs the message the requester is told");
            }
            checkStages(key + ".stages", rule.stages(), problems);
        }
    }

    private static void checkStages(String key, List<Stage> stages, Problems problems) {
        for (int i = 0; i < stages.size(); i++) {
            checkStage(key + "[" + i + "]", stages.get(i), problems);
        }
    }

    private static void checkStage(String key, Stage stage, Problems problems) {
        if (stage.groups().isEmpty() && !stage.accountOwners()) {
            problems.add(key + ".groups", "a stage needs at least one group, or account-owners: true");
        }
        stage.groups().forEach(group -> problems.knownGroup(key + ".groups", group));
        if (stage.escalationGroup() != null) {
            problems.knownGroup(key + ".escalation-group", stage.escalationGroup());
        }
        if (stage.sla().isNegative() || stage.sla().isZero()) {
            problems.add(key + ".sla", "must be longer than zero");
        }
        int members = problems.membersOf(stage.groups());
        if (!stage.accountOwners() && !stage.groups().isEmpty() && members < stage.approvals()) {
            problems.add(
                    key + ".approvals",
                    "needs " + stage.approvals() + " approvals but its groups have " + members + " members");
        }
        if (stage.accountOwners()) {
            checkOwners(key, stage, problems);
        }
    }

    /**
     * A stage of the account's owners must gather its approvals in every account: with each owner
     * group configured, and with {@code security}, which stands in for an account that names none.
     */
    private static void checkOwners(String key, Stage stage, Problems problems) {
        Set<String> owners = new TreeSet<>(problems.owners.values());
        owners.add(RoutingProperties.DEFAULT_GROUP);
        for (String owner : owners) {
            List<String> names = new ArrayList<>(stage.groups());
            names.add(owner);
            int members = problems.membersOf(names);
            if (members < stage.approvals()) {
                String whose = owner.equals(RoutingProperties.DEFAULT_GROUP) && !problems.owners.containsValue(owner)
                        ? "'" + owner + "' (the owners of an account that names no owner group)"
                        : "owner group '" + owner + "'";
                problems.add(
                        key + ".approvals",
                        "needs " + stage.approvals() + " approvals but its groups and " + whose + " have " + members
                                + " members");
            }
        }
    }

    /** The problems found so far, reported as violations of the keys they concern. */
    private static final class Problems {

        private final Map<String, List<String>> groups;
        private final Map<String, String> owners;
        private final ConstraintValidatorContext context;
        private boolean found;

        Problems(Map<String, List<String>> groups, Map<String, String> owners, ConstraintValidatorContext context) {
            this.groups = groups;
            this.owners = owners;
            this.context = context;
            context.disableDefaultConstraintViolation();
        }

        void knownGroup(String key, String group) {
            if (!groups.containsKey(group)) {
                add(key, "names group '" + group + "', which rolecall.routing.groups does not define");
            }
        }

        int membersOf(List<String> names) {
            Set<String> members = new HashSet<>();
            names.forEach(name -> members.addAll(groups.getOrDefault(name, List.of())));
            return members.size();
        }

        void add(String key, String message) {
            found = true;
            context.buildConstraintViolationWithTemplate(
                            message.replace("{", "").replace("}", ""))
                    .addPropertyNode(key)
                    .addConstraintViolation();
        }

        boolean none() {
            return !found;
        }
    }
}
