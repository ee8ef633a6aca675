package dev.rolecall.request.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.RoleRequestViews;
import dev.rolecall.request.RoleSpec;
import dev.rolecall.request.RoleSpecs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleRequestFormMapperTests {

    static RoleRequestView viewOf(RoleSpec spec) {
        return RoleRequestViews.alices(RoleRequestStatus.CHANGES_REQUESTED, 1, spec);
    }

    @Test
    void aRevisionFormStartsFromTheCurrentRevisionAndGivesItBackUnchanged() {
        RoleSpec expiring = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "ci-deployer",
                "/ci/",
                "Deploys payments-api",
                RoleSpecs.lambdaTrust(),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSLambdaExecute"),
                Map.of("read-logs", RoleSpecs.readLogs()),
                "arn:aws:iam::111122223333:policy/boundary",
                7200,
                Map.of("team", "payments"),
                Instant.parse("2026-12-31T18:00:30Z"));
        RoleRequestForm form = RoleRequestFormMapper.toForm(viewOf(expiring));
        assertThat(form.getTrustPolicy()).contains("\n  \"Statement\"");
        assertThat(form.getTags()).hasSize(2);
        assertThat(form.getTags().get(1).isBlank()).isTrue();
        assertThat(form.getExpiresAt()).isEqualTo("2026-12-31T18:00:30");

        RoleRequestFormMapper.Result result = RoleRequestFormMapper.toCommand(form);
        assertThat(result.problems()).isEmpty();
        assertThat(result.command().spec()).isEqualTo(expiring);
        assertThat(result.command().justification()).isEqualTo("CI deploys");
    }

    @Test
    void aRoleWithoutInlinePoliciesOrTagsGetsOneEmptyRowOfEach() {
        RoleSpec bare = new RoleSpec(
                RoleSpecs.ACCOUNT,
                "bare",
                "/",
                null,
                RoleSpecs.lambdaTrust(),
                List.of(),
                Map.of(),
                null,
                3600,
                Map.of(),
                null);
        RoleRequestForm form = RoleRequestFormMapper.toForm(viewOf(bare));
        assertThat(form.getInlinePolicies())
                .singleElement()
                .satisfies(p -> assertThat(p.isBlank()).isTrue());
        assertThat(form.getTags())
                .singleElement()
                .satisfies(t -> assertThat(t.isBlank()).isTrue());
        assertThat(form.getDescription()).isEmpty();
        assertThat(RoleRequestFormMapper.toCommand(form).command().spec()).isEqualTo(bare);
    }
}
