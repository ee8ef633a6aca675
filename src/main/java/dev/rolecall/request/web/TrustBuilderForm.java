package dev.rolecall.request.web;

import dev.rolecall.request.spec.TrustChoice;
import dev.rolecall.request.spec.TrustChoice.GitHubRef;
import dev.rolecall.request.spec.TrustChoice.Kind;
import dev.rolecall.request.spec.TrustPolicyBuilder;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The "Trusted entity" builder's fields as the browser posts them ({@code trust.*}). A post that
 * names no kind keeps its trust policy JSON as written. The fields start at Lambda, the {@code main}
 * branch and a freshly generated ExternalId, so that choosing "another AWS account" never starts
 * from an empty or guessable one.
 */
public class TrustBuilderForm {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Kind kind = Kind.JSON;
    private String service = "lambda.amazonaws.com";
    private boolean sourceAccount = true;
    private String sourceArn = "";
    private String account = "";
    private String externalId = newExternalId();
    private boolean requireMfa;
    private String oidcProvider = "";
    private String namespace = "";
    private String serviceAccount = "";
    private String githubOrg = "";
    private String githubRepo = "";
    private GitHubRef githubRefType = GitHubRef.BRANCH;
    private String githubRef = "main";
    private String samlProvider = "";
    private String samlAudience = TrustChoice.AWS_SIGN_IN;

    /** 32 random hex characters: unguessable, and accepted by every vendor's ExternalId field. */
    static String newExternalId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    TrustChoice toChoice() {
        return new TrustChoice(
                kind,
                service,
                sourceAccount,
                sourceArn,
                account,
                externalId,
                requireMfa,
                oidcProvider,
                namespace,
                serviceAccount,
                githubOrg,
                githubRepo,
                githubRefType,
                githubRef,
                samlProvider,
                samlAudience);
    }

    /** Fills the fields of the choice's kind from a recognised trust policy; the others keep their values. */
    void fill(TrustChoice choice) {
        kind = choice.kind();
        switch (choice.kind()) {
            case SERVICE -> fillService(choice);
            case ACCOUNT -> fillAccount(choice);
            case EKS -> fillEks(choice);
            case GITHUB -> fillGitHub(choice);
            case SAML -> fillSaml(choice);
            case JSON -> {}
        }
    }

    private void fillService(TrustChoice choice) {
        service = choice.service();
        sourceAccount = choice.sourceAccount();
        sourceArn = choice.sourceArn();
    }

    private void fillAccount(TrustChoice choice) {
        account = choice.account();
        externalId = choice.externalId();
        requireMfa = choice.requireMfa();
    }

    private void fillEks(TrustChoice choice) {
        oidcProvider = choice.oidcProvider();
        namespace = choice.namespace();
        serviceAccount = choice.serviceAccount();
    }

    private void fillGitHub(TrustChoice choice) {
        githubOrg = choice.githubOrg();
        githubRepo = choice.githubRepo();
        githubRefType = choice.githubRefType();
        githubRef = choice.githubRef();
    }

    private void fillSaml(TrustChoice choice) {
        samlProvider = choice.samlProvider();
        samlAudience = choice.samlAudience();
    }

    /** Whether the trust policy is written by the builder rather than by hand. */
    boolean builds() {
        return kind != Kind.JSON;
    }

    /** The explanation of the GitHub branch, tag or environment as typed. */
    public String getGithubRefExplained() {
        return TrustPolicyBuilder.explainGitHubRef(toChoice());
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
    }

    public String getService() {
        return service;
    }

    public void setService(String service) {
        this.service = service;
    }

    public boolean isSourceAccount() {
        return sourceAccount;
    }

    public void setSourceAccount(boolean sourceAccount) {
        this.sourceAccount = sourceAccount;
    }

    public String getSourceArn() {
        return sourceArn;
    }

    public void setSourceArn(String sourceArn) {
        this.sourceArn = sourceArn;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getExternalId() {
        return externalId;
    }

    public void setExternalId(String externalId) {
        this.externalId = externalId;
    }

    public boolean isRequireMfa() {
        return requireMfa;
    }

    public void setRequireMfa(boolean requireMfa) {
        this.requireMfa = requireMfa;
    }

    public String getOidcProvider() {
        return oidcProvider;
    }

    public void setOidcProvider(String oidcProvider) {
        this.oidcProvider = oidcProvider;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getServiceAccount() {
        return serviceAccount;
    }

    public void setServiceAccount(String serviceAccount) {
        this.serviceAccount = serviceAccount;
    }

    public String getGithubOrg() {
        return githubOrg;
    }

    public void setGithubOrg(String githubOrg) {
        this.githubOrg = githubOrg;
    }

    public String getGithubRepo() {
        return githubRepo;
    }

    public void setGithubRepo(String githubRepo) {
        this.githubRepo = githubRepo;
    }

    public GitHubRef getGithubRefType() {
        return githubRefType;
    }

    public void setGithubRefType(GitHubRef githubRefType) {
        this.githubRefType = githubRefType;
    }

    public String getGithubRef() {
        return githubRef;
    }

    public void setGithubRef(String githubRef) {
        this.githubRef = githubRef;
    }

    public String getSamlProvider() {
        return samlProvider;
    }

    public void setSamlProvider(String samlProvider) {
        this.samlProvider = samlProvider;
    }

    public String getSamlAudience() {
        return samlAudience;
    }

    public void setSamlAudience(String samlAudience) {
        this.samlAudience = samlAudience;
    }
}
