#!/usr/bin/env python3
"""Writes the golden policy decision cases to src/test/resources/policy/golden/.

Every expected decision here is written down by hand from AWS's documented policy evaluation logic
(or, for the condition operator matrix, derived from the documented truth table in `expected_*`
below) -- never by running Rolecall's evaluator. Re-run after editing:

    python3 src/scripts/generate-golden-policy-cases.py
"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "test", "resources", "policy", "golden")

ACCOUNT = "111122223333"
OTHER = "444455556666"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/app"
SESSION = f"arn:aws:sts::{ACCOUNT}:assumed-role/app/build-42"
OTHER_ROLE = f"arn:aws:iam::{OTHER}:role/partner"
BUCKET = "arn:aws:s3:::invoices"
OBJECT = "arn:aws:s3:::invoices/2024/01/report.pdf"
A, E, I = "ALLOWED", "EXPLICITLY_DENIED", "IMPLICITLY_DENIED"


def stmt(effect, action=None, resource=None, condition=None, sid=None, principal=None,
         not_action=None, not_resource=None, not_principal=None):
    s = {}
    if sid:
        s["Sid"] = sid
    s["Effect"] = effect
    if principal is not None:
        s["Principal"] = principal
    if not_principal is not None:
        s["NotPrincipal"] = not_principal
    if action is not None:
        s["Action"] = action
    if not_action is not None:
        s["NotAction"] = not_action
    if resource is not None:
        s["Resource"] = resource
    if not_resource is not None:
        s["NotResource"] = not_resource
    if condition is not None:
        s["Condition"] = condition
    return s


def allow(action="*", resource="*", **kw):
    return stmt("Allow", action, resource, **kw)


def deny(action="*", resource="*", **kw):
    return stmt("Deny", action, resource, **kw)


def policy(*statements, version="2012-10-17"):
    doc = {}
    if version:
        doc["Version"] = version
    doc["Statement"] = list(statements)
    return doc


ALLOW_ALL = policy(allow())


def case(name, expect, action, resource="*", identity=None, boundary=None, scps=None, resource_policy=None,
         session=None, principal=ROLE, resource_account=None, context=None, decisive=None, note=None):
    c = {"name": name}
    if note:
        c["note"] = note
    if identity is not None:
        c["identityPolicies"] = identity
    if boundary is not None:
        c["permissionsBoundaries"] = boundary
    if scps is not None:
        c["serviceControlPolicies"] = scps
    if resource_policy is not None:
        c["resourcePolicy"] = resource_policy
    if session is not None:
        c["sessionPolicy"] = session
    request = {"action": action, "resource": resource}
    if principal:
        request["principal"] = principal
    if resource_account:
        request["resourceAccount"] = resource_account
    if context is not None:
        request["context"] = context
    c["request"] = request
    c["expect"] = expect
    if decisive:
        c["decisive"] = decisive
    return c


def write(name, description, cases):
    names = [c["name"] for c in cases]
    assert len(names) == len(set(names)), f"duplicate case names in {name}"
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"description": description, "cases": cases}, f, indent=2)
        f.write("\n")
    return len(cases)


# ---------------------------------------------------------------- identity policies only
def identity_cases():
    p = lambda *s: [policy(*s)]
    return [
        case("exact action and resource", A, "s3:GetObject", OBJECT, p(allow("s3:GetObject", OBJECT)),
             decisive=["identityPolicies[0]#0"]),
        case("no policies at all", I, "s3:GetObject", OBJECT, []),
        case("other action", I, "s3:PutObject", OBJECT, p(allow("s3:GetObject", OBJECT))),
        case("other service with same action name", I, "s3express:GetObject", OBJECT, p(allow("s3:GetObject", "*"))),
        case("action matches regardless of case", A, "S3:GETOBJECT", OBJECT, p(allow("s3:getobject", OBJECT))),
        case("action pattern upper case", A, "s3:getobject", OBJECT, p(allow("S3:GetObject", OBJECT))),
        case("star matches every action", A, "iam:CreateUser", "*", p(allow("*", "*"))),
        case("service star", A, "s3:DeleteBucket", BUCKET, p(allow("s3:*", "*"))),
        case("service star does not reach other services", I, "ec2:RunInstances", "*", p(allow("s3:*", "*"))),
        case("prefix wildcard", A, "s3:GetObjectTagging", OBJECT, p(allow("s3:Get*", "*"))),
        case("prefix wildcard misses other verbs", I, "s3:PutObject", OBJECT, p(allow("s3:Get*", "*"))),
        case("wildcard in the middle", A, "ec2:DescribeInstanceStatus", "*", p(allow("ec2:Describe*Status", "*"))),
        case("wildcard-only suffix pattern", A, "iam:ListRoles", "*", p(allow("iam:*Roles", "*"))),
        case("question mark matches one character", A, "s3:GetObject", OBJECT, p(allow("s3:?etObject", "*"))),
        case("question mark needs exactly one character", I, "s3:GetObject", OBJECT, p(allow("s3:?GetObject", "*"))),
        case("action list", A, "logs:PutLogEvents", "*",
             p(allow(["logs:CreateLogStream", "logs:PutLogEvents"], "*"))),
        case("resource exact match", A, "s3:GetObject", OBJECT, p(allow("s3:GetObject", OBJECT))),
        case("resource is case-sensitive", I, "s3:GetObject", "arn:aws:s3:::Invoices/2024/01/report.pdf",
             p(allow("s3:GetObject", "arn:aws:s3:::invoices/*"))),
        case("resource list", A, "s3:GetObject", OBJECT,
             p(allow("s3:GetObject", ["arn:aws:s3:::other/*", "arn:aws:s3:::invoices/*"]))),
        case("resource mismatch", I, "s3:GetObject", "arn:aws:s3:::payroll/x", p(allow("s3:GetObject", "arn:aws:s3:::invoices/*"))),
        case("bucket ARN does not cover its objects", I, "s3:GetObject", OBJECT, p(allow("s3:GetObject", BUCKET))),
        case("object ARN pattern does not cover the bucket", I, "s3:ListBucket", BUCKET,
             p(allow("s3:ListBucket", "arn:aws:s3:::invoices/*"))),
        case("region and account wildcards", A, "logs:PutLogEvents",
             f"arn:aws:logs:eu-west-1:{ACCOUNT}:log-group:/app/api:log-stream:i-1",
             p(allow("logs:PutLogEvents", "arn:aws:logs:*:*:log-group:/app/*"))),
        case("other account in resource ARN", I, "logs:PutLogEvents",
             f"arn:aws:logs:eu-west-1:{OTHER}:log-group:/app/api",
             p(allow("logs:PutLogEvents", f"arn:aws:logs:*:{ACCOUNT}:log-group:/app/*"))),
        case("second statement allows", A, "sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
             p(allow("s3:GetObject", "*", sid="Read"), allow("sqs:SendMessage", f"arn:aws:sqs:*:{ACCOUNT}:jobs", sid="Send")),
             decisive=["identityPolicies[0]#1"]),
        case("second policy allows: policies add up", A, "sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
             [policy(allow("s3:GetObject", "*")), policy(allow("sqs:*", "*"))], decisive=["identityPolicies[1]#0"]),
        case("two allowing statements are both decisive", A, "s3:GetObject", OBJECT,
             p(allow("s3:GetObject", "*"), allow("s3:*", BUCKET + "/*")),
             decisive=["identityPolicies[0]#0", "identityPolicies[0]#1"]),
        case("statement given as an object", A, "s3:GetObject", OBJECT,
             [{"Version": "2012-10-17", "Statement": allow("s3:GetObject", "*")}]),
        case("list action needs star resource when policy names star", A, "s3:ListAllMyBuckets", "*",
             p(allow("s3:ListAllMyBuckets", "*"))),
        case("specific resource does not cover a request on star", I, "s3:ListAllMyBuckets", "*",
             p(allow("s3:ListAllMyBuckets", "arn:aws:s3:::*"))),
        case("conditional allow not met", I, "s3:GetObject", OBJECT,
             p(allow("s3:GetObject", "*", condition={"Bool": {"aws:SecureTransport": "true"}})),
             context={"aws:SecureTransport": "false"}),
        case("conditional allow met", A, "s3:GetObject", OBJECT,
             p(allow("s3:GetObject", "*", condition={"Bool": {"aws:SecureTransport": "true"}})),
             context={"aws:SecureTransport": "true"}),
        case("version 2008 still evaluates wildcards", A, "s3:GetObject", OBJECT,
             [policy(allow("s3:Get*", "arn:aws:s3:::invoices/*"), version="2008-10-17")]),
        case("missing version still evaluates", A, "s3:GetObject", OBJECT,
             [policy(allow("s3:GetObject", "*"), version=None)]),
        case("named policy appears by name", A, "s3:GetObject", OBJECT,
             [{"name": "tpl-s3-read-1", "document": policy(allow("s3:GetObject", "*", sid="ReadInvoices"))}],
             decisive=["tpl-s3-read-1#0"]),
    ]


# ---------------------------------------------------------------- wildcards in resources
def wildcard_cases():
    p = lambda res: [policy(allow("s3:GetObject", res))]
    g = lambda name, expect, res, req: case(name, expect, "s3:GetObject", req, p(res))
    return [
        g("star covers nested keys across slashes", A, "arn:aws:s3:::invoices/*", "arn:aws:s3:::invoices/a/b/c/d.txt"),
        g("star covers a key with colons", A, "arn:aws:s3:::invoices/*", "arn:aws:s3:::invoices/a:b:c"),
        g("star after bucket name covers other buckets with that prefix", A, "arn:aws:s3:::invoices*",
          "arn:aws:s3:::invoices-archive/x"),
        g("star after bucket name covers the bucket itself", A, "arn:aws:s3:::invoices*", BUCKET),
        g("star in the middle of a key crosses slashes", A, "arn:aws:s3:::invoices/*/report.pdf", OBJECT),
        g("star in the middle still needs the suffix", I, "arn:aws:s3:::invoices/*/report.pdf",
          "arn:aws:s3:::invoices/2024/01/summary.pdf"),
        g("home folder pattern", A, "arn:aws:s3:::home/*/private/*", "arn:aws:s3:::home/alice/private/notes/a.txt"),
        g("home folder pattern miss", I, "arn:aws:s3:::home/*/private/*", "arn:aws:s3:::home/alice/public/a.txt"),
        g("question mark matches one character of the key", A, "arn:aws:s3:::invoices/202?/*", OBJECT),
        g("question mark needs a character before the next slash", I, "arn:aws:s3:::invoices/2024?/*", OBJECT),
        g("question mark matches a slash", A, "arn:aws:s3:::invoices/2024?01/*", OBJECT),
        g("every bucket", A, "arn:aws:s3:::*", OBJECT),
        g("every bucket pattern does not match star itself", I, "arn:aws:s3:::*", "*"),
        g("trailing star matches the empty key", A, "arn:aws:s3:::invoices/*", "arn:aws:s3:::invoices/"),
        g("prefix without star is exact", I, "arn:aws:s3:::invoices/2024", OBJECT),
        g("double star behaves like one", A, "arn:aws:s3:::invoices/**", OBJECT),
        g("star matches across ARN parts", A, "arn:aws:s3:*:*:invoices/*", OBJECT),
        g("other partition", I, "arn:aws-cn:s3:::invoices/*", OBJECT),
        g("wildcard-only resource pattern in the service part", A, "arn:aws:*:::invoices/*", OBJECT),
        g("literal dot is not a wildcard", I, "arn:aws:s3:::invoices/2024.01/*", OBJECT),
        case("wildcard-only action *Object", A, "s3:PutObject", OBJECT, [policy(allow("s3:*Object", "*"))]),
        case("wildcard-only action *Object misses ObjectTagging", I, "s3:PutObjectTagging", OBJECT,
             [policy(allow("s3:*Object", "*"))]),
        case("action pattern of only wildcards in name", A, "kms:Decrypt", "*", [policy(allow("kms:*", "*"))]),
        case("action question marks only", A, "sts:GetCallerIdentity", "*",
             [policy(allow("sts:" + "?" * len("GetCallerIdentity"), "*"))], note="one ? per letter of GetCallerIdentity"),
    ]


# ---------------------------------------------------------------- explicit deny in every layer
def deny_cases():
    obj = OBJECT
    read = policy(allow("s3:*", "*"))
    return [
        case("deny in the same identity policy", E, "s3:DeleteObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*", sid="NoDelete"))],
             decisive=["identityPolicies[0]#1"]),
        case("deny in another identity policy", E, "s3:DeleteObject", obj,
             [read, policy(deny("s3:Delete*", "*"))], decisive=["identityPolicies[1]#0"]),
        case("deny without any allow is still explicit", E, "s3:DeleteObject", obj, [policy(deny("s3:*", "*"))]),
        case("deny for another action leaves allow", A, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*"))], decisive=["identityPolicies[0]#0"]),
        case("deny for another resource leaves allow", A, "s3:DeleteObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:*", "arn:aws:s3:::payroll/*"))]),
        case("deny with wildcard action", E, "iam:CreateUser", "*", [policy(allow(), deny("iam:*", "*"))]),
        case("deny with condition met", E, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:*", "*", condition={"Bool": {"aws:SecureTransport": "false"}}))],
             context={"aws:SecureTransport": "false"}),
        case("deny with condition not met", A, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:*", "*", condition={"Bool": {"aws:SecureTransport": "false"}}))],
             context={"aws:SecureTransport": "true"}),
        case("deny with condition on absent key does not apply", A, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:*", "*", condition={"StringEquals": {"aws:ResourceTag/env": "prod"}}))]),
        case("all matching denies are decisive", E, "s3:DeleteObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*"), deny("s3:Delete*", "*"))],
             decisive=["identityPolicies[0]#1", "identityPolicies[0]#2"]),
        case("deny in permissions boundary", E, "s3:DeleteObject", obj, [read],
             boundary=[policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*"))], decisive=["permissionsBoundaries[0]#1"]),
        case("deny in session policy", E, "s3:DeleteObject", obj, [read],
             session=policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*")), decisive=["sessionPolicy#1"]),
        case("deny in root SCP", E, "s3:DeleteObject", obj, [read],
             scps=[[policy(allow()), policy(deny("s3:DeleteObject", "*"))]], decisive=["serviceControlPolicies[0][1]#0"]),
        case("deny in OU SCP", E, "s3:DeleteObject", obj, [read],
             scps=[[ALLOW_ALL], [policy(allow(), deny("s3:DeleteObject", "*"))], [ALLOW_ALL]],
             decisive=["serviceControlPolicies[1][0]#1"]),
        case("deny in account SCP", E, "s3:DeleteObject", obj, [read],
             scps=[[ALLOW_ALL], [ALLOW_ALL], [policy(allow(), deny("s3:Delete*", "*"))]]),
        case("deny in resource policy naming the role", E, "s3:GetObject", obj, [read],
             resource_policy=policy(deny("s3:*", "arn:aws:s3:::invoices/*", principal={"AWS": ROLE})),
             decisive=["resourcePolicy#0"]),
        case("deny in resource policy naming the account", E, "s3:GetObject", obj, [read],
             resource_policy=policy(deny("s3:*", "arn:aws:s3:::invoices/*", principal={"AWS": ACCOUNT}))),
        case("deny in resource policy naming everyone", E, "s3:GetObject", obj, [read],
             resource_policy=policy(deny("s3:*", "arn:aws:s3:::invoices/*", principal="*"))),
        case("deny in resource policy for another principal does not apply", A, "s3:GetObject", obj, [read],
             resource_policy=policy(deny("s3:*", "arn:aws:s3:::invoices/*", principal={"AWS": OTHER_ROLE}))),
        case("resource deny beats resource allow naming the session", E, "s3:GetObject", obj, [],
             principal=SESSION,
             resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::invoices/*", principal={"AWS": SESSION}),
                                    deny("s3:GetObject", "arn:aws:s3:::invoices/*", principal="*"))),
        case("identity deny beats resource allow naming the session", E, "s3:GetObject", obj,
             [policy(deny("s3:GetObject", "*"))], principal=SESSION,
             resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::invoices/*", principal={"AWS": SESSION}))),
        case("SCP deny beats resource allow naming the session", E, "s3:GetObject", obj, [], principal=SESSION,
             scps=[[policy(allow(), deny("s3:GetObject", "*"))]],
             resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::invoices/*", principal={"AWS": SESSION}))),
        case("deny beats allow even when listed first", E, "ec2:TerminateInstances", "*",
             [policy(deny("ec2:Terminate*", "*"), allow("ec2:*", "*"))], decisive=["identityPolicies[0]#0"]),
        case("deny in boundary beats identity allow of everything", E, "iam:DeleteRole", "*",
             [ALLOW_ALL], boundary=[policy(allow(), deny("iam:Delete*", "*"))]),
        case("denies from several layers are all decisive", E, "s3:DeleteObject", obj,
             [policy(allow("s3:*", "*"), deny("s3:DeleteObject", "*"))],
             boundary=[policy(allow(), deny("s3:*Object", "*"))],
             decisive=["identityPolicies[0]#1", "permissionsBoundaries[0]#1"]),
    ]


# ---------------------------------------------------------------- permissions boundary
def boundary_cases():
    obj = OBJECT
    return [
        case("identity and boundary allow", A, "s3:GetObject", obj, [policy(allow("s3:GetObject", "*"))],
             boundary=[policy(allow("s3:*", "*"))], decisive=["identityPolicies[0]#0", "permissionsBoundaries[0]#0"]),
        case("boundary does not allow the action", I, "iam:CreateUser", "*", [ALLOW_ALL],
             boundary=[policy(allow("s3:*", "*"))]),
        case("boundary alone grants nothing", I, "s3:GetObject", obj, [], boundary=[policy(allow())]),
        case("boundary allows but identity does not", I, "s3:PutObject", obj,
             [policy(allow("s3:GetObject", "*"))], boundary=[policy(allow("s3:*", "*"))]),
        case("boundary narrower resource", I, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [policy(allow("s3:*", "*"))], boundary=[policy(allow("s3:*", "arn:aws:s3:::invoices/*"))]),
        case("boundary resource covers the request", A, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"))], boundary=[policy(allow("s3:*", "arn:aws:s3:::invoices/*"))]),
        case("boundary with NotAction allows everything but iam", A, "s3:GetObject", obj, [ALLOW_ALL],
             boundary=[policy(stmt("Allow", not_action="iam:*", resource="*"))]),
        case("boundary with NotAction blocks iam", I, "iam:PassRole", "*", [ALLOW_ALL],
             boundary=[policy(stmt("Allow", not_action="iam:*", resource="*"))]),
        case("boundary condition met", A, "ec2:RunInstances", "*", [ALLOW_ALL],
             boundary=[policy(allow("ec2:*", "*", condition={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}))],
             context={"aws:RequestedRegion": "eu-west-1"}),
        case("boundary condition not met", I, "ec2:RunInstances", "*", [ALLOW_ALL],
             boundary=[policy(allow("ec2:*", "*", condition={"StringEquals": {"aws:RequestedRegion": "eu-west-1"}}))],
             context={"aws:RequestedRegion": "us-east-1"}),
        case("boundary documents act as one", A, "sqs:SendMessage", "*", [ALLOW_ALL],
             boundary=[policy(allow("s3:*", "*")), policy(allow("sqs:*", "*"))], decisive=[
                 "identityPolicies[0]#0", "permissionsBoundaries[1]#0"]),
        case("identity wildcard within boundary wildcard", A, "logs:PutLogEvents", "*",
             [policy(allow("logs:*", "*"))], boundary=[policy(allow("logs:Put*", "*"))]),
        case("identity wildcard outside boundary pattern", I, "logs:DeleteLogGroup", "*",
             [policy(allow("logs:*", "*"))], boundary=[policy(allow("logs:Put*", "*"))]),
        case("empty boundary list means no boundary", A, "iam:CreateUser", "*", [ALLOW_ALL], boundary=[]),
        case("boundary allows only with MFA, MFA absent", I, "iam:CreateUser", "*", [ALLOW_ALL],
             boundary=[policy(allow("*", "*", condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}))]),
        case("boundary allows only with MFA, MFA present", A, "iam:CreateUser", "*", [ALLOW_ALL],
             boundary=[policy(allow("*", "*", condition={"Bool": {"aws:MultiFactorAuthPresent": "true"}}))],
             context={"aws:MultiFactorAuthPresent": "true"}),
        case("boundary allows but identity allow condition fails", I, "s3:GetObject", obj,
             [policy(allow("s3:*", "*", condition={"StringEquals": {"aws:PrincipalTag/team": "finance"}}))],
             boundary=[ALLOW_ALL], context={"aws:PrincipalTag/team": "payments"}),
        case("boundary and SCP and identity all allow", A, "s3:GetObject", obj, [ALLOW_ALL],
             boundary=[ALLOW_ALL], scps=[[ALLOW_ALL]],
             decisive=["serviceControlPolicies[0][0]#0", "identityPolicies[0]#0", "permissionsBoundaries[0]#0"]),
    ]


# ---------------------------------------------------------------- service control policies
def scp_cases():
    obj = OBJECT
    s3_only = policy(allow("s3:*", "*"))
    return [
        case("one level allowing everything", A, "s3:GetObject", obj, [ALLOW_ALL], scps=[[ALLOW_ALL]]),
        case("SCP allow grants nothing without identity policy", I, "s3:GetObject", obj, [], scps=[[ALLOW_ALL]]),
        case("SCP without the action", I, "ec2:RunInstances", "*", [ALLOW_ALL], scps=[[s3_only]]),
        case("three levels all allow", A, "s3:GetObject", obj, [ALLOW_ALL],
             scps=[[ALLOW_ALL], [s3_only], [policy(allow("s3:Get*", "*"))]]),
        case("middle level does not allow", I, "s3:PutObject", obj, [ALLOW_ALL],
             scps=[[ALLOW_ALL], [policy(allow("s3:Get*", "*"))], [ALLOW_ALL]]),
        case("last level does not allow", I, "s3:PutObject", obj, [ALLOW_ALL],
             scps=[[ALLOW_ALL], [ALLOW_ALL], [policy(allow("s3:Get*", "*"))]]),
        case("root level does not allow", I, "s3:PutObject", obj, [ALLOW_ALL],
             scps=[[policy(allow("ec2:*", "*"))], [ALLOW_ALL]]),
        case("a level with several policies allows if any does", A, "sqs:SendMessage", "*", [ALLOW_ALL],
             scps=[[s3_only, policy(allow("sqs:*", "*"))]]),
        case("a level without policies allows nothing", I, "s3:GetObject", obj, [ALLOW_ALL], scps=[[ALLOW_ALL], []]),
        case("region guard SCP denies other regions", E, "ec2:RunInstances", "*", [ALLOW_ALL],
             scps=[[ALLOW_ALL, policy(stmt("Deny", not_action=["iam:*", "sts:*"], resource="*",
                                          condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}))]],
             context={"aws:RequestedRegion": "us-east-1"}),
        case("region guard SCP lets the allowed region pass", A, "ec2:RunInstances", "*", [ALLOW_ALL],
             scps=[[ALLOW_ALL, policy(stmt("Deny", not_action=["iam:*", "sts:*"], resource="*",
                                          condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}))]],
             context={"aws:RequestedRegion": "eu-west-1"}),
        case("region guard SCP exempts global services by NotAction", A, "iam:ListRoles", "*", [ALLOW_ALL],
             scps=[[ALLOW_ALL, policy(stmt("Deny", not_action=["iam:*", "sts:*"], resource="*",
                                          condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}))]],
             context={"aws:RequestedRegion": "us-east-1"}),
        case("region guard SCP denies when region key is absent", E, "ec2:RunInstances", "*", [ALLOW_ALL],
             scps=[[ALLOW_ALL, policy(stmt("Deny", not_action=["iam:*", "sts:*"], resource="*",
                                          condition={"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}))]],
             note="negated operators are true when the key is absent"),
        case("SCP allow with condition not met", I, "s3:GetObject", obj, [ALLOW_ALL],
             scps=[[policy(allow("*", "*", condition={"StringEquals": {"aws:PrincipalTag/team": "data"}}))]],
             context={"aws:PrincipalTag/team": "web"}),
        case("SCP allow with specific resource", A, "s3:GetObject", obj, [ALLOW_ALL],
             scps=[[policy(allow("s3:*", "arn:aws:s3:::invoices/*"))]]),
        case("SCP allow with specific resource misses other bucket", I, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [ALLOW_ALL], scps=[[policy(allow("s3:*", "arn:aws:s3:::invoices/*"))]]),
        case("SCP applies to resource-policy grants too", I, "s3:GetObject", obj, [], principal=SESSION,
             scps=[[policy(allow("ec2:*", "*"))]],
             resource_policy=policy(allow("s3:GetObject", "arn:aws:s3:::invoices/*", principal={"AWS": SESSION}))),
        case("SCP decisive allows from every level", A, "s3:GetObject", obj, [ALLOW_ALL],
             scps=[[ALLOW_ALL], [s3_only]],
             decisive=["serviceControlPolicies[0][0]#0", "serviceControlPolicies[1][0]#0", "identityPolicies[0]#0"]),
        case("SCP deny of leaving the organization", E, "organizations:LeaveOrganization", "*", [ALLOW_ALL],
             scps=[[ALLOW_ALL, policy(deny("organizations:LeaveOrganization", "*"))]]),
        case("SCPs do not limit a service principal", A, "sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
             [], principal="sns.amazonaws.com", scps=[[policy(allow("s3:*", "*"))]],
             resource_policy=policy(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
                                          principal={"Service": "sns.amazonaws.com"}))),
    ]


# ---------------------------------------------------------------- resource-based policies
def resource_cases():
    obj = OBJECT
    objs = "arn:aws:s3:::invoices/*"
    rp = lambda *s: policy(*s)
    grant = lambda who, action="s3:GetObject": rp(allow(action, objs, principal=who))
    partner_obj = OBJECT
    return [
        # same account
        case("same account: resource policy naming the role allows without identity policy", A, "s3:GetObject", obj,
             [], resource_policy=grant({"AWS": ROLE}), decisive=["resourcePolicy#0"]),
        case("same account: resource policy naming the session allows without identity policy", A, "s3:GetObject",
             obj, [], principal=SESSION, resource_policy=grant({"AWS": SESSION}), decisive=["resourcePolicy#0"]),
        case("same account: session caller matched through its role ARN", A, "s3:GetObject", obj, [],
             principal=SESSION, resource_policy=grant({"AWS": ROLE})),
        case("same account: resource policy naming the account needs identity policy", I, "s3:GetObject", obj, [],
             resource_policy=grant({"AWS": ACCOUNT})),
        case("same account: account root ARN needs identity policy", I, "s3:GetObject", obj, [],
             resource_policy=grant({"AWS": f"arn:aws:iam::{ACCOUNT}:root"})),
        case("same account: account grant plus identity allow", A, "s3:GetObject", obj,
             [policy(allow("s3:GetObject", "*"))], resource_policy=grant({"AWS": ACCOUNT}),
             decisive=["identityPolicies[0]#0"]),
        case("same account: principal star allows", A, "s3:GetObject", obj, [], resource_policy=grant("*")),
        case("same account: AWS star allows", A, "s3:GetObject", obj, [], resource_policy=grant({"AWS": "*"})),
        case("same account: other role named", I, "s3:GetObject", obj, [],
             resource_policy=grant({"AWS": f"arn:aws:iam::{ACCOUNT}:role/other"})),
        case("same account: identity allows though resource policy names someone else", A, "s3:GetObject", obj,
             [policy(allow("s3:GetObject", "*"))], resource_policy=grant({"AWS": OTHER_ROLE})),
        case("same account: resource policy action mismatch", I, "s3:PutObject", obj, [],
             resource_policy=grant({"AWS": ROLE})),
        case("same account: resource policy resource mismatch", I, "s3:GetObject", "arn:aws:s3:::payroll/x", [],
             resource_policy=grant({"AWS": ROLE})),
        case("same account: resource policy without Resource covers its resource", A, "ecr:BatchGetImage",
             f"arn:aws:ecr:eu-west-1:{ACCOUNT}:repository/api", [],
             resource_policy=rp(stmt("Allow", "ecr:BatchGetImage", principal={"AWS": ROLE}))),
        case("same account: resource policy condition not met", I, "s3:GetObject", obj, [],
             resource_policy=rp(allow("s3:GetObject", objs, principal={"AWS": ROLE},
                                      condition={"Bool": {"aws:SecureTransport": "true"}})),
             context={"aws:SecureTransport": "false"}),
        case("same account: role grant is limited by the boundary", I, "s3:GetObject", obj, [],
             boundary=[policy(allow("ec2:*", "*"))], resource_policy=grant({"AWS": ROLE})),
        case("same account: role grant within the boundary", A, "s3:GetObject", obj, [],
             boundary=[policy(allow("s3:*", "*"))], resource_policy=grant({"AWS": ROLE}),
             decisive=["resourcePolicy#0", "permissionsBoundaries[0]#0"]),
        case("same account: session grant is not limited by the boundary", A, "s3:GetObject", obj, [],
             principal=SESSION, boundary=[policy(allow("ec2:*", "*"))], resource_policy=grant({"AWS": SESSION})),
        case("same account: star grant is limited by the boundary", I, "s3:GetObject", obj, [],
             boundary=[policy(allow("ec2:*", "*"))], resource_policy=grant("*"),
             note="cautious reading: only grants naming the session directly escape the boundary"),
        case("same account: role grant is limited by the session policy", I, "s3:GetObject", obj, [],
             principal=SESSION, session=policy(allow("ec2:*", "*")), resource_policy=grant({"AWS": ROLE})),
        case("same account: session grant is not limited by the session policy", A, "s3:GetObject", obj, [],
             principal=SESSION, session=policy(allow("ec2:*", "*")), resource_policy=grant({"AWS": SESSION})),
        case("same account: NotPrincipal deny listing account, role and session spares the caller", A,
             "s3:GetObject", obj, [policy(allow("s3:*", "*"))], principal=SESSION,
             resource_policy=rp(stmt("Deny", "s3:*", objs, not_principal={"AWS": [
                 f"arn:aws:iam::{ACCOUNT}:root", ROLE, SESSION]}))),
        case("same account: NotPrincipal deny listing only the role denies its session", E, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"))], principal=SESSION,
             resource_policy=rp(stmt("Deny", "s3:*", objs, not_principal={"AWS": ROLE}))),
        case("same account: NotPrincipal deny listing only the account denies the role", E, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"))],
             resource_policy=rp(stmt("Deny", "s3:*", objs, not_principal={"AWS": ACCOUNT}))),
        case("same account: NotPrincipal deny listing account and role still denies the role", E, "s3:GetObject",
             obj, [policy(allow("s3:*", "*"))],
             resource_policy=rp(stmt("Deny", "s3:*", objs, not_principal={"AWS": [ACCOUNT, ROLE]})),
             note="a role calls through a session, and the session ARN is not listed"),
        case("same account: NotPrincipal deny always applies to a caller with a boundary", E, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"))], principal=SESSION, boundary=[ALLOW_ALL],
             resource_policy=rp(stmt("Deny", "s3:*", objs, not_principal={"AWS": [
                 f"arn:aws:iam::{ACCOUNT}:root", ROLE, SESSION]}))),
        case("same account: deny naming another account does not apply", A, "s3:GetObject", obj,
             [policy(allow("s3:*", "*"))], resource_policy=rp(deny("s3:*", objs, principal={"AWS": OTHER}))),
        # across accounts
        case("cross account: identity policy alone is not enough", I, "s3:GetObject", partner_obj,
             [policy(allow("s3:*", "*"))], resource_account=OTHER),
        case("cross account: resource policy alone is not enough", I, "s3:GetObject", partner_obj, [],
             resource_account=OTHER, resource_policy=grant({"AWS": ROLE})),
        case("cross account: both allow", A, "s3:GetObject", partner_obj, [policy(allow("s3:GetObject", "*"))],
             resource_account=OTHER, resource_policy=grant({"AWS": ROLE}),
             decisive=["resourcePolicy#0", "identityPolicies[0]#0"]),
        case("cross account: resource policy names the caller's account", A, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], resource_account=OTHER, resource_policy=grant({"AWS": ACCOUNT})),
        case("cross account: resource policy names another account", I, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], resource_account=OTHER,
             resource_policy=grant({"AWS": "999988887777"})),
        case("cross account: session grant still needs identity policy", I, "s3:GetObject", partner_obj, [],
             principal=SESSION, resource_account=OTHER, resource_policy=grant({"AWS": SESSION})),
        case("cross account: account taken from the resource ARN", I, "sqs:SendMessage",
             f"arn:aws:sqs:eu-west-1:{OTHER}:jobs", [policy(allow("sqs:*", "*"))]),
        case("cross account: account from ARN with resource policy", A, "sqs:SendMessage",
             f"arn:aws:sqs:eu-west-1:{OTHER}:jobs", [policy(allow("sqs:*", "*"))],
             resource_policy=rp(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{OTHER}:jobs", principal={"AWS": ROLE}))),
        case("cross account: boundary still limits", I, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], boundary=[policy(allow("ec2:*", "*"))], resource_account=OTHER,
             resource_policy=grant({"AWS": ROLE})),
        case("cross account: session policy still limits", I, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], principal=SESSION, session=policy(allow("ec2:*", "*")),
             resource_account=OTHER, resource_policy=grant({"AWS": ROLE})),
        case("cross account: resource policy deny", E, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], resource_account=OTHER,
             resource_policy=rp(allow("s3:GetObject", objs, principal={"AWS": ROLE}),
                                deny("s3:GetObject", objs, principal={"AWS": ACCOUNT}))),
        case("cross account: principal star with identity allow", A, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], resource_account=OTHER, resource_policy=grant("*")),
        case("cross account: SCP of the caller still applies", I, "s3:GetObject", partner_obj,
             [policy(allow("s3:GetObject", "*"))], scps=[[policy(allow("ec2:*", "*"))]], resource_account=OTHER,
             resource_policy=grant({"AWS": ROLE})),
        case("same account stated explicitly", A, "s3:GetObject", obj, [], resource_account=ACCOUNT,
             resource_policy=grant({"AWS": ROLE})),
        # services
        case("service principal allowed by resource policy", A, "sqs:SendMessage",
             f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs", [], principal="events.amazonaws.com",
             resource_policy=rp(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
                                      principal={"Service": "events.amazonaws.com"}))),
        case("other service principal is not allowed", I, "sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
             [], principal="sns.amazonaws.com",
             resource_policy=rp(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
                                      principal={"Service": "events.amazonaws.com"}))),
        case("service principal without resource policy", I, "sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
             [ALLOW_ALL], principal="events.amazonaws.com"),
        case("service principal with source ARN condition met", A, "sqs:SendMessage",
             f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs", [], principal="events.amazonaws.com",
             resource_policy=rp(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
                                      principal={"Service": "events.amazonaws.com"},
                                      condition={"ArnEquals": {"aws:SourceArn": f"arn:aws:events:eu-west-1:{ACCOUNT}:rule/nightly"}})),
             context={"aws:SourceArn": f"arn:aws:events:eu-west-1:{ACCOUNT}:rule/nightly"}),
        case("service principal with source ARN condition for another rule", I, "sqs:SendMessage",
             f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs", [], principal="events.amazonaws.com",
             resource_policy=rp(allow("sqs:SendMessage", f"arn:aws:sqs:eu-west-1:{ACCOUNT}:jobs",
                                      principal={"Service": "events.amazonaws.com"},
                                      condition={"ArnEquals": {"aws:SourceArn": f"arn:aws:events:eu-west-1:{ACCOUNT}:rule/nightly"}})),
             context={"aws:SourceArn": f"arn:aws:events:eu-west-1:{OTHER}:rule/nightly"}),
        case("resource policy condition on derived principal ARN", A, "s3:GetObject", obj, [],
             resource_policy=rp(allow("s3:GetObject", objs, principal="*",
                                      condition={"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:role/a*"}})),
             note="aws:PrincipalArn is filled in from the principal"),
        case("resource policy condition on derived principal account", I, "s3:GetObject", obj, [],
             resource_policy=rp(allow("s3:GetObject", objs, principal="*",
                                      condition={"StringEquals": {"aws:PrincipalAccount": OTHER}}))),
    ]


# ---------------------------------------------------------------- session policies
def session_cases():
    obj = OBJECT
    return [
        case("session policy allows", A, "s3:GetObject", obj, [ALLOW_ALL], principal=SESSION,
             session=policy(allow("s3:Get*", "*")), decisive=["identityPolicies[0]#0", "sessionPolicy#0"]),
        case("session policy does not allow", I, "s3:PutObject", obj, [ALLOW_ALL], principal=SESSION,
             session=policy(allow("s3:Get*", "*"))),
        case("session policy cannot add to the role", I, "ec2:RunInstances", "*", [policy(allow("s3:*", "*"))],
             principal=SESSION, session=ALLOW_ALL),
        case("session policy narrower resource", I, "s3:GetObject", "arn:aws:s3:::payroll/x", [ALLOW_ALL],
             principal=SESSION, session=policy(allow("s3:*", "arn:aws:s3:::invoices/*"))),
        case("session policy with boundary both allow", A, "s3:GetObject", obj, [ALLOW_ALL], principal=SESSION,
             boundary=[policy(allow("s3:*", "*"))], session=policy(allow("s3:GetObject", "*"))),
        case("session policy allows but boundary does not", I, "ec2:RunInstances", "*", [ALLOW_ALL],
             principal=SESSION, boundary=[policy(allow("s3:*", "*"))], session=ALLOW_ALL),
        case("boundary allows but session policy does not", I, "s3:PutObject", obj, [ALLOW_ALL], principal=SESSION,
             boundary=[ALLOW_ALL], session=policy(allow("s3:GetObject", "*"))),
        case("session policy conditional on source IP met", A, "s3:GetObject", obj, [ALLOW_ALL], principal=SESSION,
             session=policy(allow("*", "*", condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})),
             context={"aws:SourceIp": "10.1.2.3"}),
        case("session policy conditional on source IP not met", I, "s3:GetObject", obj, [ALLOW_ALL],
             principal=SESSION,
             session=policy(allow("*", "*", condition={"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}})),
             context={"aws:SourceIp": "192.0.2.1"}),
        case("session policy with NotAction", A, "s3:GetObject", obj, [ALLOW_ALL], principal=SESSION,
             session=policy(stmt("Allow", not_action="iam:*", resource="*"))),
        case("session policy with NotAction blocks iam", I, "iam:ListRoles", "*", [ALLOW_ALL], principal=SESSION,
             session=policy(stmt("Allow", not_action="iam:*", resource="*"))),
        case("session policy given for a role caller still limits", I, "iam:ListRoles", "*", [ALLOW_ALL],
             session=policy(allow("s3:*", "*"))),
    ]


# ---------------------------------------------------------------- NotAction / NotResource
def not_cases():
    obj = OBJECT
    return [
        case("Allow NotAction covers other services", A, "s3:GetObject", obj,
             [policy(stmt("Allow", not_action="iam:*", resource="*"))], decisive=["identityPolicies[0]#0"]),
        case("Allow NotAction excludes the listed service", I, "iam:CreateUser", "*",
             [policy(stmt("Allow", not_action="iam:*", resource="*"))]),
        case("Allow NotAction exclusion ignores case", I, "IAM:CreateUser", "*",
             [policy(stmt("Allow", not_action="iam:*", resource="*"))]),
        case("Allow NotAction with list", I, "organizations:ListAccounts", "*",
             [policy(stmt("Allow", not_action=["iam:*", "organizations:*", "account:*"], resource="*"))]),
        case("Allow NotAction with list, other service", A, "ec2:RunInstances", "*",
             [policy(stmt("Allow", not_action=["iam:*", "organizations:*", "account:*"], resource="*"))]),
        case("Allow NotAction specific action excluded", I, "s3:DeleteBucket", BUCKET,
             [policy(stmt("Allow", not_action="s3:DeleteBucket", resource="*"))]),
        case("Allow NotAction specific action, sibling allowed", A, "s3:DeleteObject", obj,
             [policy(stmt("Allow", not_action="s3:DeleteBucket", resource="*"))]),
        case("Allow NotAction still limited by Resource", I, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [policy(stmt("Allow", not_action="iam:*", resource="arn:aws:s3:::invoices/*"))]),
        case("Allow NotResource covers other resources", A, "s3:GetObject", obj,
             [policy(stmt("Allow", "s3:*", not_resource="arn:aws:s3:::payroll/*"))]),
        case("Allow NotResource excludes listed resources", I, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [policy(stmt("Allow", "s3:*", not_resource="arn:aws:s3:::payroll/*"))]),
        case("Allow NotResource covers star", A, "s3:ListAllMyBuckets", "*",
             [policy(stmt("Allow", "s3:*", not_resource="arn:aws:s3:::payroll/*"))]),
        case("Allow NotAction and NotResource together", A, "ec2:RunInstances", "*",
             [policy(stmt("Allow", not_action="iam:*", not_resource="arn:aws:s3:::payroll/*"))]),
        case("Allow NotAction and NotResource, excluded resource", I, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [policy(stmt("Allow", not_action="iam:*", not_resource="arn:aws:s3:::payroll/*"))]),
        case("Deny NotAction denies everything else", E, "ec2:RunInstances", "*",
             [policy(allow(), stmt("Deny", not_action=["s3:*", "sts:*"], resource="*"))]),
        case("Deny NotAction spares listed actions", A, "s3:GetObject", obj,
             [policy(allow(), stmt("Deny", not_action=["s3:*", "sts:*"], resource="*"))]),
        case("Deny NotResource denies other resources", E, "s3:GetObject", "arn:aws:s3:::payroll/x",
             [policy(allow(), stmt("Deny", "s3:*", not_resource=["arn:aws:s3:::invoices", "arn:aws:s3:::invoices/*"]))]),
        case("Deny NotResource spares listed resources", A, "s3:GetObject", obj,
             [policy(allow(), stmt("Deny", "s3:*", not_resource=["arn:aws:s3:::invoices", "arn:aws:s3:::invoices/*"]))]),
        case("Deny NotAction with MFA condition, MFA absent", E, "ec2:StopInstances", "*",
             [policy(allow(), stmt("Deny", not_action=["iam:ListMFADevices", "sts:GetSessionToken"], resource="*",
                                   condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}))]),
        case("Deny NotAction with MFA condition, MFA present", A, "ec2:StopInstances", "*",
             [policy(allow(), stmt("Deny", not_action=["iam:ListMFADevices", "sts:GetSessionToken"], resource="*",
                                   condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}))],
             context={"aws:MultiFactorAuthPresent": "true"}),
        case("Deny NotAction with MFA condition, exempt action", A, "iam:ListMFADevices", "*",
             [policy(allow(), stmt("Deny", not_action=["iam:ListMFADevices", "sts:GetSessionToken"], resource="*",
                                   condition={"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}))]),
        case("Allow NotAction in boundary lets identity allow through", A, "lambda:InvokeFunction", "*", [ALLOW_ALL],
             boundary=[policy(stmt("Allow", not_action=["iam:*"], resource="*"))]),
        case("Allow NotAction with wildcard pattern", I, "iam:PassRole", "*",
             [policy(stmt("Allow", not_action="iam:Pass*", resource="*"))]),
    ]


# ---------------------------------------------------------------- policy variables
def variable_cases():
    home = "arn:aws:s3:::home/${aws:username}/*"
    return [
        case("username variable resolves", A, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt",
             [policy(allow("s3:GetObject", home))], context={"aws:username": "alice"}),
        case("username variable for another user", I, "s3:GetObject", "arn:aws:s3:::home/bob/notes.txt",
             [policy(allow("s3:GetObject", home))], context={"aws:username": "alice"}),
        case("username variable absent for a role", I, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt",
             [policy(allow("s3:GetObject", home))]),
        case("variable name ignores case", A, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt",
             [policy(allow("s3:GetObject", "arn:aws:s3:::home/${AWS:UserName}/*"))], context={"aws:username": "alice"}),
        case("variable value is case-sensitive in the resource", I, "s3:GetObject", "arn:aws:s3:::home/Alice/x",
             [policy(allow("s3:GetObject", home))], context={"aws:username": "alice"}),
        case("default value used when key absent", A, "s3:GetObject", "arn:aws:s3:::home/shared/x",
             [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username, 'shared'}/*"))]),
        case("default value ignored when key present", I, "s3:GetObject", "arn:aws:s3:::home/shared/x",
             [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username, 'shared'}/*"))],
             context={"aws:username": "alice"}),
        case("default with escaped quote", A, "s3:GetObject", "arn:aws:s3:::home/o'brien/x",
             [policy(allow("s3:GetObject", "arn:aws:s3:::home/${aws:username, 'o''brien'}/*"))]),
        case("principal tag variable", A, "s3:GetObject", "arn:aws:s3:::teams/payments/q1.csv",
             [policy(allow("s3:GetObject", "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"))],
             context={"aws:PrincipalTag/team": "payments"}),
        case("principal tag variable for another team", I, "s3:GetObject", "arn:aws:s3:::teams/finance/q1.csv",
             [policy(allow("s3:GetObject", "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"))],
             context={"aws:PrincipalTag/team": "payments"}),
        case("a star from a variable value is literal", I, "s3:GetObject", "arn:aws:s3:::teams/finance/q1.csv",
             [policy(allow("s3:GetObject", "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"))],
             context={"aws:PrincipalTag/team": "*"}),
        case("a star from a variable value matches a literal star", A, "s3:GetObject", "arn:aws:s3:::teams/*/q1.csv",
             [policy(allow("s3:GetObject", "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"))],
             context={"aws:PrincipalTag/team": "*"}),
        case("multi-valued key cannot be a variable", I, "s3:GetObject", "arn:aws:s3:::teams/a/x",
             [policy(allow("s3:GetObject", "arn:aws:s3:::teams/${aws:PrincipalTag/team}/*"))],
             context={"aws:PrincipalTag/team": ["a", "b"]}),
        case("escaped star is a literal star", A, "s3:GetObject", "arn:aws:s3:::notes/*",
             [policy(allow("s3:GetObject", "arn:aws:s3:::notes/${*}"))]),
        case("escaped star is not a wildcard", I, "s3:GetObject", "arn:aws:s3:::notes/today",
             [policy(allow("s3:GetObject", "arn:aws:s3:::notes/${*}"))]),
        case("escaped question mark is literal", I, "s3:GetObject", "arn:aws:s3:::notes/a",
             [policy(allow("s3:GetObject", "arn:aws:s3:::notes/${?}"))]),
        case("escaped question mark matches itself", A, "s3:GetObject", "arn:aws:s3:::notes/?",
             [policy(allow("s3:GetObject", "arn:aws:s3:::notes/${?}"))]),
        case("escaped dollar", A, "s3:GetObject", "arn:aws:s3:::notes/$HOME",
             [policy(allow("s3:GetObject", "arn:aws:s3:::notes/${$}HOME"))]),
        case("version 2008 takes variables literally", I, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt",
             [policy(allow("s3:GetObject", home), version="2008-10-17")], context={"aws:username": "alice"}),
        case("missing version takes variables literally", I, "s3:GetObject", "arn:aws:s3:::home/alice/notes.txt",
             [policy(allow("s3:GetObject", home), version=None)], context={"aws:username": "alice"}),
        case("variable in condition value", A, "s3:ListBucket", "arn:aws:s3:::home",
             [policy(allow("s3:ListBucket", "arn:aws:s3:::home",
                           condition={"StringLike": {"s3:prefix": ["${aws:username}/*"]}}))],
             context={"aws:username": "alice", "s3:prefix": "alice/photos/"}),
        case("variable in condition value, other prefix", I, "s3:ListBucket", "arn:aws:s3:::home",
             [policy(allow("s3:ListBucket", "arn:aws:s3:::home",
                           condition={"StringLike": {"s3:prefix": ["${aws:username}/*"]}}))],
             context={"aws:username": "alice", "s3:prefix": "bob/photos/"}),
        case("tag-based access: principal tag equals resource tag", A, "ec2:StartInstances", "*",
             [policy(allow("ec2:StartInstances", "*",
                           condition={"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "payments", "aws:PrincipalTag/team": "payments"}),
        case("tag-based access: tags differ", I, "ec2:StartInstances", "*",
             [policy(allow("ec2:StartInstances", "*",
                           condition={"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "finance", "aws:PrincipalTag/team": "payments"}),
        case("tag-based access: principal tag missing", I, "ec2:StartInstances", "*",
             [policy(allow("ec2:StartInstances", "*",
                           condition={"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "payments"}),
        case("variable in account part of ARN", A, "iam:GetRole", f"arn:aws:iam::{ACCOUNT}:role/app",
             [policy(allow("iam:GetRole", "arn:aws:iam::${aws:PrincipalAccount}:role/*"))],
             note="aws:PrincipalAccount is filled in from the principal"),
        case("variable in ARN condition", A, "iam:PassRole", f"arn:aws:iam::{ACCOUNT}:role/app",
             [policy(allow("iam:PassRole", "*",
                           condition={"ArnLike": {"iam:AssociatedResourceArn": "arn:aws:lambda:*:${aws:PrincipalAccount}:function:*"}}))],
             context={"iam:AssociatedResourceArn": f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:api"}),
        case("Allow NotResource with a variable without value: cautious reading", I, "s3:GetObject",
             "arn:aws:s3:::home/alice/x", [policy(stmt("Allow", "s3:GetObject", not_resource="arn:aws:s3:::home/${aws:username}/*"))],
             note="AWS documents no outcome; the simulator never allows on an unresolved NotResource"),
        case("Deny NotResource with a variable without value applies", E, "s3:GetObject", "arn:aws:s3:::home/alice/x",
             [policy(allow(), stmt("Deny", "s3:GetObject", not_resource="arn:aws:s3:::home/${aws:username}/*"))]),
        case("Allow with negated operator and a variable without value: cautious reading", I, "ec2:StartInstances", "*",
             [policy(allow("ec2:StartInstances", "*",
                           condition={"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "payments"}),
        case("Deny with negated operator and a variable without value applies", E, "ec2:StartInstances", "*",
             [policy(allow(), deny("ec2:StartInstances", "*",
                                   condition={"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "payments"}),
        case("negated operator with a resolved variable", A, "ec2:StartInstances", "*",
             [policy(allow("ec2:StartInstances", "*",
                           condition={"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}))],
             context={"aws:ResourceTag/team": "payments", "aws:PrincipalTag/team": "finance"}),
        case("variables in a deny are resolved too", E, "s3:DeleteObject", "arn:aws:s3:::home/alice/x",
             [policy(allow("s3:*", "*"), deny("s3:DeleteObject", "arn:aws:s3:::home/${aws:username}/*"))],
             context={"aws:username": "alice"}),
    ]


# ---------------------------------------------------------------- condition logic
def logic_cases():
    g = lambda name, expect, condition, context: case(
        name, expect, "s3:GetObject", OBJECT, [policy(allow("s3:GetObject", "*", condition=condition))], context=context)
    two_ops = {"StringEquals": {"aws:PrincipalTag/team": "payments"}, "Bool": {"aws:SecureTransport": "true"}}
    two_keys = {"StringEquals": {"aws:PrincipalTag/team": "payments", "aws:ResourceTag/env": "dev"}}
    return [
        g("two operators both true", A, two_ops, {"aws:PrincipalTag/team": "payments", "aws:SecureTransport": "true"}),
        g("two operators, one false", I, two_ops, {"aws:PrincipalTag/team": "payments", "aws:SecureTransport": "false"}),
        g("two keys both true", A, two_keys, {"aws:PrincipalTag/team": "payments", "aws:ResourceTag/env": "dev"}),
        g("two keys, one absent", I, two_keys, {"aws:PrincipalTag/team": "payments"}),
        g("several values are OR", A, {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}},
          {"aws:RequestedRegion": "eu-central-1"}),
        g("several values none matching", I, {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}},
          {"aws:RequestedRegion": "us-east-1"}),
        g("negated with several values is NOR: one matches", I,
          {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}, {"aws:RequestedRegion": "eu-west-1"}),
        g("negated with several values is NOR: none matches", A,
          {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}, {"aws:RequestedRegion": "us-east-1"}),
        g("condition key names ignore case", A, {"StringEquals": {"AWS:PRINCIPALTAG/Team": "payments"}},
          {"aws:principaltag/team": "payments"}),
        g("condition values are case-sensitive", I, {"StringEquals": {"aws:PrincipalTag/team": "payments"}},
          {"aws:PrincipalTag/team": "Payments"}),
        g("StringEquals takes a star literally", I, {"StringEquals": {"aws:PrincipalTag/team": "pay*"}},
          {"aws:PrincipalTag/team": "payments"}),
        g("StringLike star matches across slashes", A, {"StringLike": {"s3:prefix": "home/*"}}, {"s3:prefix": "home/a/b/c"}),
        g("number given as JSON number", A, {"NumericLessThanEquals": {"s3:max-keys": 10}}, {"s3:max-keys": "10"}),
        g("numeric compares values, not text", A, {"NumericLessThan": {"s3:max-keys": "100"}}, {"s3:max-keys": "20"}),
        g("numeric with a non-number request value", I, {"NumericLessThan": {"s3:max-keys": "100"}}, {"s3:max-keys": "many"}),
        g("boolean given as JSON boolean", A, {"Bool": {"aws:SecureTransport": True}}, {"aws:SecureTransport": True}),
        g("date as epoch seconds in the policy", A, {"DateLessThan": {"aws:CurrentTime": "1735689600"}},
          {"aws:CurrentTime": "2024-06-01T12:00:00Z"}),
        g("date as epoch seconds, after", I, {"DateLessThan": {"aws:CurrentTime": "1735689600"}},
          {"aws:CurrentTime": "2025-06-01T12:00:00Z"}),
        g("date with offset", A, {"DateGreaterThan": {"aws:CurrentTime": "2024-01-01T00:00:00Z"}},
          {"aws:CurrentTime": "2024-01-01T00:30:00+00:15"}),
        g("date-only value", A, {"DateGreaterThanEquals": {"aws:CurrentTime": "2024-01-01"}},
          {"aws:CurrentTime": "2024-01-01T00:00:00Z"}),
        g("IPv6 range", A, {"IpAddress": {"aws:SourceIp": "2001:db8::/32"}}, {"aws:SourceIp": "2001:db8:1::7"}),
        g("IPv6 range miss", I, {"IpAddress": {"aws:SourceIp": "2001:db8::/32"}}, {"aws:SourceIp": "2001:db9::7"}),
        g("single IP without prefix", A, {"IpAddress": {"aws:SourceIp": "203.0.113.9"}}, {"aws:SourceIp": "203.0.113.9"}),
        g("IPv4 address against IPv6 range", I, {"IpAddress": {"aws:SourceIp": "2001:db8::/32"}}, {"aws:SourceIp": "203.0.113.9"}),
        g("several IP ranges", A, {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.168.0.0/16"]}},
          {"aws:SourceIp": "192.168.4.4"}),
        g("ARN condition value with five parts matches nothing", I,
          {"ArnLike": {"aws:SourceArn": "arn:aws:sns:*:111122223333"}},
          {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic"}),
        g("ARN operators need six parts", I, {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic"}},
          {"aws:SourceArn": "not-an-arn"}),
        g("ArnEquals accepts wildcards like ArnLike", A, {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:*:111122223333:*"}},
          {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic"}),
        g("ARN resource part may hold colons", A, {"ArnLike": {"aws:SourceArn": "arn:aws:logs:*:*:log-group:*"}},
          {"aws:SourceArn": "arn:aws:logs:eu-west-1:111122223333:log-group:/app:log-stream:x"}),
        g("Null true and false on two keys", A, {"Null": {"aws:TokenIssueTime": "false", "aws:ResourceTag/env": "true"}},
          {"aws:TokenIssueTime": "2024-01-01T00:00:00Z"}),
        g("ARN part wildcard matches within the part", A, {"ArnLike": {"aws:SourceArn": "arn:aws:s*:eu-*:111122223333:topic"}},
          {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic"}),
        g("ARN part wildcard does not reach into the next part", I,
          {"ArnLike": {"aws:SourceArn": "arn:aws:sns:eu-*:topic"}},
          {"aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic"}),
    ]


# ---------------------------------------------------------------- operator matrix (truth table)
OPERATORS = [
    # name, condition value, request value that matches, request value that does not, negated
    ("StringEquals", "prod", "prod", "Prod", False),
    ("StringNotEquals", "prod", "prod", "dev", True),
    ("StringEqualsIgnoreCase", "prod", "PROD", "dev", False),
    ("StringNotEqualsIgnoreCase", "prod", "PrOd", "dev", True),
    ("StringLike", "prod-*", "prod-eu", "dev-eu", False),
    ("StringNotLike", "prod-*", "prod-us", "stage-us", True),
    ("NumericEquals", "10", "10", "11", False),
    ("NumericNotEquals", "10", "10", "12", True),
    ("NumericLessThan", "10", "9", "10", False),
    ("NumericLessThanEquals", "10", "10", "11", False),
    ("NumericGreaterThan", "10", "11", "10", False),
    ("NumericGreaterThanEquals", "10", "10", "9", False),
    ("DateEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z", False),
    ("DateNotEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2023-12-31T00:00:00Z", True),
    ("DateLessThan", "2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", "2024-01-01T00:00:00Z", False),
    ("DateLessThanEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z", False),
    ("DateGreaterThan", "2024-01-01T00:00:00Z", "2024-01-01T00:00:01Z", "2024-01-01T00:00:00Z", False),
    ("DateGreaterThanEquals", "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", "2023-12-31T23:59:59Z", False),
    ("Bool", "true", "true", "false", False),
    ("BinaryEquals", "QmluYXJ5VmFsdWU=", "QmluYXJ5VmFsdWU=", "T3RoZXJWYWx1ZQ==", False),
    ("IpAddress", "203.0.113.0/24", "203.0.113.7", "198.51.100.7", False),
    ("NotIpAddress", "203.0.113.0/24", "203.0.113.200", "198.51.100.7", True),
    ("ArnEquals", f"arn:aws:iam::{ACCOUNT}:role/ci", f"arn:aws:iam::{ACCOUNT}:role/ci", f"arn:aws:iam::{ACCOUNT}:role/cd", False),
    ("ArnLike", f"arn:aws:iam::{ACCOUNT}:role/ci-*", f"arn:aws:iam::{ACCOUNT}:role/ci-build", f"arn:aws:iam::{OTHER}:role/ci-build", False),
    ("ArnNotEquals", f"arn:aws:iam::{ACCOUNT}:role/ci", f"arn:aws:iam::{ACCOUNT}:role/ci", f"arn:aws:iam::{ACCOUNT}:role/cd", True),
    ("ArnNotLike", f"arn:aws:iam::{ACCOUNT}:role/ci-*", f"arn:aws:iam::{ACCOUNT}:role/ci-x", f"arn:aws:iam::{ACCOUNT}:role/cd-x", True),
]
KEY = "aws:ExampleKey"


def expected_single(negated, if_exists, presence):
    """AWS's documented truth table for an operator without set qualifier.

    presence: 'match' (the request value stands in the operator's relation to the condition value,
    e.g. equals it), 'other' (it does not), 'absent' (the key is not in the request).
    Positive operators: true only for 'match'; absent is false unless IfExists.
    Negated operators: true for 'other' and for 'absent' (with or without IfExists).
    """
    if presence == "absent":
        return if_exists or negated
    related = presence == "match"
    return related != negated


def operator_cases():
    cases = []
    for name, cond, match, other, negated in OPERATORS:
        for if_exists in (False, True):
            op = name + ("IfExists" if if_exists else "")
            for presence, value in (("match", match), ("other", other), ("absent", None)):
                truth = expected_single(negated, if_exists, presence)
                context = {} if value is None else {KEY: value}
                condition = {op: {KEY: cond}}
                label = {"match": "related value", "other": "unrelated value", "absent": "key absent"}[presence]
                cases.append(case(f"{op} · {label} · in Allow", A if truth else I, "s3:GetObject", OBJECT,
                                  [policy(allow("s3:GetObject", "*", condition=condition))], context=context))
                if presence != "other":
                    cases.append(case(f"{op} · {label} · in Deny", E if truth else A, "s3:GetObject", OBJECT,
                                      [policy(allow("s3:GetObject", "*"), deny("s3:GetObject", "*", condition=condition))],
                                      context=context))
    for null_value in ("true", "false"):
        for present in (True, False):
            truth = (null_value == "true") != present
            context = {KEY: "x"} if present else {}
            label = "key present" if present else "key absent"
            cases.append(case(f"Null {null_value} · {label} · in Allow", A if truth else I, "s3:GetObject", OBJECT,
                              [policy(allow("s3:GetObject", "*", condition={"Null": {KEY: null_value}}))], context=context))
            cases.append(case(f"Null {null_value} · {label} · in Deny", E if truth else A, "s3:GetObject", OBJECT,
                              [policy(allow("s3:GetObject", "*"), deny("s3:GetObject", "*",
                                                                        condition={"Null": {KEY: null_value}}))],
                              context=context))
    return cases


SET_OPERATORS = [
    # base operator, condition values, negated, related(value), two related and two unrelated samples
    ("StringEquals", ["a", "b"], False, lambda v: v in ("a", "b"), ["a", "b"], ["y", "z"]),
    ("StringNotEquals", ["a", "b"], True, lambda v: v in ("a", "b"), ["a", "b"], ["y", "z"]),
    ("StringLike", ["a*", "b*"], False, lambda v: v[:1] in ("a", "b"), ["a1", "b2"], ["y1", "z1"]),
    ("StringNotLike", ["a*", "b*"], True, lambda v: v[:1] in ("a", "b"), ["a1", "b2"], ["y1", "z1"]),
    ("StringEqualsIgnoreCase", ["a", "b"], False, lambda v: v.lower() in ("a", "b"), ["A", "b"], ["y", "z"]),
    ("NumericLessThan", ["10"], False, lambda v: float(v) < 10, ["9", "1"], ["10", "30"]),
]
REQUEST_SETS = [
    # label, which samples: r = related, u = unrelated; None = key absent
    ("absent", None),
    ("empty", ""),
    ("one related", "r"),
    ("one unrelated", "u"),
    ("many all related", "rr"),
    ("many some related", "ru"),
    ("many none related", "uu"),
]


def expected_set(qualifier, negated, related, values, if_exists):
    """AWS's documented set semantics.

    ForAllValues: true when every request value satisfies the operator; true for an absent or
    empty key. ForAnyValue: true when at least one does; false for an absent or empty key (true with
    IfExists). A value satisfies a negated operator when it is related to none of the condition values.
    """
    if not values:
        return True if qualifier == "ForAllValues" else if_exists
    satisfies = [related(v) != negated for v in values]
    return all(satisfies) if qualifier == "ForAllValues" else any(satisfies)


def set_cases():
    cases = []
    for base, cond, negated, related, rel, unrel in SET_OPERATORS:
        for qualifier in ("ForAllValues", "ForAnyValue"):
            for if_exists in (False, True):
                op = f"{qualifier}:{base}" + ("IfExists" if if_exists else "")
                for label, shape in REQUEST_SETS:
                    if if_exists and label not in ("absent", "empty", "one related"):
                        continue
                    values = None
                    if shape is not None:
                        picks = {"r": iter(rel), "u": iter(unrel)}
                        values = [next(picks[kind]) for kind in shape]
                    truth = expected_set(qualifier, negated, related, values or [], if_exists)
                    context = {} if values is None else {"aws:TagKeys": values}
                    cases.append(case(f"{op} · {label}", A if truth else I, "ec2:CreateTags", "*",
                                      [policy(allow("ec2:CreateTags", "*", condition={op: {"aws:TagKeys": cond}}))],
                                      context=context))
    # the documented patterns
    only_allowed_tags = {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env"]}}
    cases += [
        case("only allowed tag keys: subset", A, "ec2:CreateTags", "*",
             [policy(allow("ec2:CreateTags", "*", condition=only_allowed_tags))], context={"aws:TagKeys": ["team"]}),
        case("only allowed tag keys: one extra key", I, "ec2:CreateTags", "*",
             [policy(allow("ec2:CreateTags", "*", condition=only_allowed_tags))],
             context={"aws:TagKeys": ["team", "owner"]}),
        case("only allowed tag keys: no tags at all also passes", A, "ec2:CreateTags", "*",
             [policy(allow("ec2:CreateTags", "*", condition=only_allowed_tags))]),
        case("ForAllValues guarded with Null false rejects no tags", I, "ec2:CreateTags", "*",
             [policy(allow("ec2:CreateTags", "*", condition={**only_allowed_tags, "Null": {"aws:TagKeys": "false"}}))]),
        case("deny forbidden tag key with ForAnyValue", E, "ec2:CreateTags", "*",
             [policy(allow(), deny("ec2:CreateTags", "*",
                                   condition={"ForAnyValue:StringEquals": {"aws:TagKeys": ["owner"]}}))],
             context={"aws:TagKeys": ["team", "owner"]}),
        case("deny forbidden tag key with ForAnyValue, key absent", A, "ec2:CreateTags", "*",
             [policy(allow(), deny("ec2:CreateTags", "*",
                                   condition={"ForAnyValue:StringEquals": {"aws:TagKeys": ["owner"]}}))]),
    ]
    return cases


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    total = 0
    total += write("identity.json", "Identity policies only: actions, resources, statements and policies adding up.",
                   identity_cases())
    total += write("wildcards.json", "Wildcards: * across / in S3 keys, ? for one character, wildcard-only patterns.",
                   wildcard_cases())
    total += write("explicit-deny.json", "An explicit deny in any layer wins over every allow.", deny_cases())
    total += write("boundary.json", "Permissions boundary: identity ∩ boundary.", boundary_cases())
    total += write("scp.json", "Service control policies: every level of the organization must allow.", scp_cases())
    total += write("resource-policy.json", "Resource-based policies in the same account and across accounts.",
                   resource_cases())
    total += write("session.json", "Session policies limit the role session.", session_cases())
    total += write("not-action-resource.json", "NotAction and NotResource in Allow and Deny.", not_cases())
    total += write("variables.json", "Policy variables, escapes and defaults.", variable_cases())
    total += write("condition-logic.json", "How conditions combine; operator details.", logic_cases())
    total += write("condition-operators.json",
                   "Every condition operator × key related / unrelated / absent × IfExists, in Allow and Deny "
                   "(expected from the documented truth table).", operator_cases())
    total += write("condition-sets.json",
                   "ForAllValues / ForAnyValue × request values absent, empty, one and many (documented semantics).",
                   set_cases())
    print(f"wrote {total} cases")
