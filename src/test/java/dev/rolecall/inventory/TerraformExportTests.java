package dev.rolecall.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolecall.request.RoleSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TerraformExportTests {

    @Test
    void aRoleWithInlineManagedBoundaryAndTagsBecomesOneRoleAPolicyAndAnAttachmentEach() {
        Map<String, JsonNode> inline = new LinkedHashMap<>();
        inline.put("read-home", InventorySpecs.json("""
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],\
                "Resource":"arn:aws:s3:::home/${aws:username}/*"}]}"""));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("team", "payments");
        tags.put("note", "say \"hi\"");
        RoleSpec spec = new RoleSpec(
                "444455556666",
                "2fa.deployer",
                "/ci/",
                "Deploys payments",
                InventorySpecs.json("""
                        {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
                        "Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
                List.of(InventorySpecs.READ_ONLY, "arn:aws:iam::444455556666:policy/teams/ReadOnlyAccess"),
                inline,
                InventorySpecs.BOUNDARY,
                7200,
                tags,
                null);

        assertThat(TerraformExport.render(spec)).isEqualTo("""
                resource "aws_iam_role" "r_2fa_deployer" {
                  name = "2fa.deployer"
                  path = "/ci/"
                  description = "Deploys payments"
                  max_session_duration = 7200
                  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
                  assume_role_policy = jsonencode({
                    "Version" = "2012-10-17"
                    "Statement" = [
                      {
                        "Effect" = "Allow"
                        "Principal" = {
                          "Service" = "lambda.amazonaws.com"
                        }
                        "Action" = "sts:AssumeRole"
                      }
                    ]
                  })
                  tags = {
                    "team" = "payments"
                    "note" = "say \\"hi\\""
                  }
                }

                resource "aws_iam_role_policy" "r_2fa_deployer_read-home" {
                  name = "read-home"
                  role = aws_iam_role.r_2fa_deployer.id
                  policy = jsonencode({
                    "Version" = "2012-10-17"
                    "Statement" = [
                      {
                        "Effect" = "Allow"
                        "Action" = [
                          "s3:GetObject"
                        ]
                        "Resource" = "arn:aws:s3:::home/$${aws:username}/*"
                      }
                    ]
                  })
                }

                resource "aws_iam_role_policy_attachment" "r_2fa_deployer_readonlyaccess" {
                  role = aws_iam_role.r_2fa_deployer.name
                  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
                }

                resource "aws_iam_role_policy_attachment" "r_2fa_deployer_readonlyaccess_2" {
                  role = aws_iam_role.r_2fa_deployer.name
                  policy_arn = "arn:aws:iam::444455556666:policy/teams/ReadOnlyAccess"
                }
                """);
    }

    @Test
    void stringsEscapeQuotesControlCharactersAndTemplateOpenings() {
        assertThat(TerraformExport.quoted("a\"b\\c\nd\u0001 ${x} %{y} $z 100%"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\u0001 $${x} %%{y} $z 100%\"");
    }

    @Test
    void resourceNamesAreValidAndUnique() {
        Set<String> taken = new HashSet<>();
        assertThat(TerraformExport.identifier("Deployer@CI", taken)).isEqualTo("deployer_ci");
        assertThat(TerraformExport.identifier("deployer@ci", taken)).isEqualTo("deployer_ci_2");
        assertThat(TerraformExport.identifier("_x", taken)).isEqualTo("_x");
    }
}
