package dev.rolecall.inventory;

import dev.rolecall.account.AccountRegistry;
import dev.rolecall.identity.CurrentUser;
import dev.rolecall.policy.RolePermissionsService;
import dev.rolecall.policy.analysis.RiskLevel;
import dev.rolecall.policy.permissions.AccessOverview;
import dev.rolecall.request.RoleRequestService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The inventory's pages: the list of roles with its filters and CSV, and a role's page. Every route
 * reads through {@link RoleInventory}, so people see only the roles they may see.
 */
@Controller
class RoleInventoryController {

    /** Services listed on the role page's table, those that matter most first. */
    static final int SERVICES_SHOWN = 12;

    private final RoleInventory inventory;
    private final DriftCheck drift;
    private final RoleRequestService requests;
    private final RolePermissionsService permissions;
    private final AccountRegistry accounts;
    private final InventoryProperties properties;
    private final Clock clock;

    RoleInventoryController(
            RoleInventory inventory,
            DriftCheck drift,
            RoleRequestService requests,
            RolePermissionsService permissions,
            AccountRegistry accounts,
            InventoryProperties properties,
            Clock clock) {
        this.inventory = inventory;
        this.drift = drift;
        this.requests = requests;
        this.permissions = permissions;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** A filter left at "Any" arrives empty: it means no filter, never an invalid value. */
    @InitBinder("filter")
    void blankIsNoFilter(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/roles")
    String list(@Valid @ModelAttribute("filter") RoleFilterForm filter, CurrentUser user, Model model)
            throws BindException {
        RoleFilterForm.Listing listing = filter.listing(inventory, clock.instant());
        model.addAttribute("roles", inventory.list(listing, properties.pageSize(), user));
        model.addAttribute("expiresBefore", listing.filter().expiresBefore());
        model.addAttribute("accounts", accounts.all());
        model.addAttribute(
                "environments",
                accounts.all().stream()
                        .map(a -> a.environment())
                        .distinct()
                        .sorted()
                        .toList());
        model.addAttribute("states", RoleState.values());
        model.addAttribute("risks", RiskLevel.values());
        model.addAttribute("readsAll", user.canReadAllRequests());
        model.addAttribute(
                "expiring",
                inventory
                        .list(RoleFilter.inState(RoleState.EXPIRING), null, 1, user)
                        .count());
        model.addAttribute("now", clock.instant());
        return "inventory/list";
    }

    @GetMapping("/roles.csv")
    void csv(@Valid @ModelAttribute("filter") RoleFilterForm filter, CurrentUser user, HttpServletResponse response)
            throws IOException, BindException {
        InventoryCsv.send(inventory, filter.filter(inventory, clock.instant()), "ui", user, response, clock.instant());
    }

    @GetMapping("/roles/{accountId}/{roleName}")
    String role(@PathVariable String accountId, @PathVariable String roleName, CurrentUser user, Model model) {
        RoleInventory.RoleDetail detail = inventory.get(accountId, roleName, user);
        ManagedRole.Row role = detail.role();
        model.addAttribute("role", role);
        model.addAttribute("spec", role.spec());
        model.addAttribute("history", detail.history());
        model.addAttribute("detail", detail);
        model.addAttribute("account", detail.account().orElse(null));
        model.addAttribute("analysis", requests.analyse(role.spec()));
        addPermissions(model, role);
        model.addAttribute("actions", RoleActions.of(role, user, clock.instant(), properties.expiryWarning()));
        model.addAttribute("terraform", TerraformExport.render(role.spec()));
        model.addAttribute("driftAccess", drift.driftAccess(role).orElse(null));
        model.addAttribute("now", clock.instant());
        return "inventory/role";
    }

    /** The role's spec as Terraform, downloaded as {@code <role name>.tf}. */
    @GetMapping(value = "/roles/{accountId}/{roleName}/terraform", produces = "text/plain;charset=UTF-8")
    ResponseEntity<String> terraform(@PathVariable String accountId, @PathVariable String roleName, CurrentUser user) {
        ManagedRole.Row role = inventory.get(accountId, roleName, user).role();
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(role.roleName() + ".tf", StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(TerraformExport.render(role.spec()));
    }

    /** The effective permissions, as the request page's table per service shows them. */
    private void addPermissions(Model model, ManagedRole.Row role) {
        RolePermissionsService.RoleAccessView access =
                permissions.view(RoleSpecs.policies(role.spec(), role.roleArn()));
        Map<String, Integer> removedByBoundary = new HashMap<>();
        access.summary()
                .services()
                .forEach(service -> removedByBoundary.put(service.prefix(), service.removedByBoundary()));
        model.addAttribute("summary", access.summary());
        model.addAttribute("overview", AccessOverview.of(access.entries()));
        model.addAttribute("removedByBoundary", removedByBoundary);
        model.addAttribute("servicesShown", SERVICES_SHOWN);
    }
}
