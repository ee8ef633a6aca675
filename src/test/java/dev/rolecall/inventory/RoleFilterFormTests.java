package dev.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.policy.analysis.RiskLevel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The links of the role list keep every filter and the page's position, whatever characters they hold. */
class RoleFilterFormTests {

    @Test
    void aPageLinkCarriesEveryFilterEncodedSoThatItReadsBackTheSame() {
        RoleFilterForm form = new RoleFilterForm(
                "444455556666",
                "prod",
                "pay & co",
                RoleState.ACTIVE,
                RiskLevel.HIGH,
                "ci+deploy",
                null,
                null,
                null,
                null);
        RoleKey after = new RoleKey("444455556666", "ci+deploy@build");
        Instant expiry = Instant.parse("2026-12-09T12:00:00Z");

        String link = form.link("/roles", expiry, after, null);

        assertThat(link)
                .isEqualTo("/roles?account=444455556666&environment=prod&team=pay%20%26%20co&state=ACTIVE&risk=HIGH"
                        + "&q=ci%2Bdeploy&expiresBefore=2026-12-09T12%3A00%3A00Z"
                        + "&after=444455556666%3Aci%2Bdeploy%40build");
        var query = UriComponentsBuilder.fromUriString(link).build(true).getQueryParams();
        assertThat(UriUtils.decode(query.getFirst("after"), "UTF-8")).isEqualTo(after.toString());
        assertThat(UriUtils.decode(query.getFirst("q"), "UTF-8")).isEqualTo("ci+deploy");
    }

    @Test
    void filtersLeftAtAnyAreLeftOut() {
        RoleFilterForm form = new RoleFilterForm(null, " ", null, null, null, "", null, "7", null, null);

        assertThat(form.link("/roles.csv", null, null, null)).isEqualTo("/roles.csv");
        assertThat(form.filtered()).isTrue();
    }
}
