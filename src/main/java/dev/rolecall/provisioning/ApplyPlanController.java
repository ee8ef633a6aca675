package dev.rolecall.provisioning;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.request.RequestKind;
import dev.rolecall.request.RoleRequestId;
import dev.rolecall.request.RoleRequestService;
import dev.rolecall.request.RoleRequestStatus;
import dev.rolecall.request.RoleRequestView;
import dev.rolecall.request.change.ChangePlan;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * A request's IAM calls on its page, for everyone who may read the request: before approval the
 * ordered calls approval leads to, in which account and whether they are sent or only recorded;
 * while applying every call, pending until its outcome is recorded. Computed with the
 * {@link ChangePlanner} apply uses, so what reviewers see is what is sent; rendering it calls no AWS
 * API. htmx loads and polls the card; without JavaScript the same card is a page of its own.
 */
@Controller
class ApplyPlanController {

    private final RoleRequestService requests;
    private final AccountRegistry accounts;
    private final ChangePlanner planner;

    ApplyPlanController(RoleRequestService requests, AccountRegistry accounts, ChangePlanner planner) {
        this.requests = requests;
        this.accounts = accounts;
        this.planner = planner;
    }

    @GetMapping("/requests/{id}/plan")
    String plan(
            @PathVariable RoleRequestId id,
            CurrentUser user,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model) {
        RoleRequestView request = requests.get(id, user);
        model.addAttribute("request", request);
        model.addAttribute("account", accounts.find(request.spec().accountId()).orElse(null));
        model.addAttribute("canRetry", request.retryableBy(user));
        model.addAttribute("canRollBack", request.rollBackableBy(user));
        if (request.status() == RoleRequestStatus.FAILED) {
            model.addAttribute(
                    "inAws", CreatedResources.ofViews(request.applySteps()).describe());
        }
        ChangePlan changePlan = request.changePlan();
        model.addAttribute(
                "plan",
                changePlan == null
                        ? ApplyPlan.of(planner.plan(id, request.spec()), request)
                        : ApplyPlan.ofPlanned(changePlan.calls(), request));
        model.addAttribute(
                "readsLiveRole", request.status() == RoleRequestStatus.FAILED && request.kind() == RequestKind.CREATE);
        return htmx == null ? "provisioning/plan" : "request/apply :: progress";
    }
}
