package dev.rolecall.identity;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/service-accounts}: admins list, create ({@code {name, description, roles, team,
 * groups, owner}} → 201), disable and enable service accounts. Called as a person (HTTP Basic),
 * never with a token. Their tokens are under {@code /api/v1/service-accounts/{name}/tokens}.
 */
@RestController
class ServiceAccountApiController {

    static final String PATH = "/api/v1/service-accounts";

    private final ServiceAccountService service;
    private final Principals principals;

    ServiceAccountApiController(ServiceAccountService service, Principals principals) {
        this.service = service;
        this.principals = principals;
    }

    @GetMapping(PATH)
    List<ServiceAccount> list() {
        return principals.serviceAccounts();
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServiceAccount> create(@RequestBody ServiceAccountForm body, CurrentUser admin) {
        ServiceAccount created = service.create(body, admin);
        return ResponseEntity.created(URI.create(PATH + "/" + created.username()))
                .body(created);
    }

    @PostMapping(PATH + "/{name}/disable")
    ResponseEntity<Void> disable(@PathVariable String name, CurrentUser admin) {
        service.disable(name, admin);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(PATH + "/{name}/enable")
    ResponseEntity<Void> enable(@PathVariable String name, CurrentUser admin) {
        service.enable(name, admin);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(InvalidServiceAccountException.class)
    ProblemDetail invalid(InvalidServiceAccountException e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The service account was not created.");
        problem.setTitle("Validation failed");
        List<Map<String, String>> errors = new ArrayList<>();
        e.problems().forEach((field, message) -> errors.add(Map.of("field", field, "message", message)));
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler(ServiceAccountNotFoundException.class)
    ProblemDetail notFound() {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No service account has this name.");
    }
}
