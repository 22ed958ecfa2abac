package cn.tongban.center.federatedquery;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The federated information query over REST (跨中心信息查询, item 01): a person asks at their home center which
 * centers hold an account of theirs and reads the answers by the query id; staff may ask for a named person when
 * they give a reason, which the query keeps. A query the caller may not see is answered as not found.
 */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "federated query", description = "跨中心信息查询: a person's accounts at every center that holds one")
@SecurityRequirement(name = "bearer")
class FederatedQueryController {

    private static final String STAFF = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN')";

    /**
     * What staff send; a person sends nothing (the token names them).
     *
     * @param identityNumber the person staff ask for
     * @param reason why (kept with the query as its audit record)
     */
    record AskRequest(String identityNumber, @Size(max = 200) String reason) {
    }

    private final Optional<FederatedQueryService> service;
    private final Optional<HolderIndexPublisher> index;

    FederatedQueryController(Optional<FederatedQueryService> service, Optional<HolderIndexPublisher> index) {
        this.service = service;
        this.index = index;
    }

    @PostMapping("/federated-queries")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "Ask every center that holds an account of the person; answers come in under the query id")
    ResponseEntity<QueryResult> ask(@RequestBody(required = false) AskRequest request, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        QueryResult result;
        if (caller.isCenterStaff()) {
            if (request == null || request.identityNumber() == null) {
                throw ApiProblem.invalidField("identityNumber", "staff name the person they ask for");
            }
            if (request.reason() == null || request.reason().isBlank()) {
                throw ApiProblem.invalidField("reason", "staff give the reason for asking about someone else");
            }
            result = service().ask(identityNumber(request.identityNumber()), caller.subject(), request.reason().trim());
        } else {
            IdentityNumber own = ownNumber(caller)
                    .orElseThrow(() -> ApiProblem.forbidden("NO_IDENTITY", "the token names no person"));
            if (request != null && request.identityNumber() != null
                    && !own.equals(identityNumber(request.identityNumber()))) {
                throw ApiProblem.forbidden("NOT_YOURSELF", "a person asks only about their own accounts");
            }
            result = service().ask(own, caller.subject(), null);
        }
        return ResponseEntity.accepted().location(URI.create("/api/v1/federated-queries/" + result.id())).body(result);
    }

    @GetMapping("/federated-queries/{id}")
    @PreAuthorize("hasAnyRole('EMPLOYEE','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')")
    @Operation(summary = "A federated query: PENDING or COMPLETE, each holding center's answer or why there is none")
    QueryResult one(@PathVariable String id, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return service().find(id, caller.has(Role.EMPLOYEE) ? ownNumber(caller) : Optional.empty(), caller.isCenterStaff())
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_QUERY", "no federated query " + id));
    }

    @PostMapping("/federated-queries/index/sweep")
    @PreAuthorize("hasRole('CENTER_ADMIN')")
    @Operation(summary = "Publish the holder index now: what changed since the last publication (all of it the first time)")
    HolderIndexPublisher.Sweep sweep() {
        return index.orElseThrow(FederatedQueryController::off).sweep();
    }

    private FederatedQueryService service() {
        return service.orElseThrow(FederatedQueryController::off);
    }

    private static ApiProblem off() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "FEDERATED_QUERY_OFF",
                "this center has no federation key: the federated query is off", List.of());
    }

    private static Optional<IdentityNumber> ownNumber(Caller caller) {
        return caller.identityNumber().filter(text -> IdentityNumber.problemWith(text).isEmpty()).map(IdentityNumber::of);
    }

    private static IdentityNumber identityNumber(String text) {
        String normalised = text.trim().toUpperCase();
        Optional<String> problem = IdentityNumber.problemWith(normalised);
        if (problem.isPresent()) {
            throw ApiProblem.invalidField("identityNumber", problem.get());
        }
        return IdentityNumber.of(normalised);
    }
}
