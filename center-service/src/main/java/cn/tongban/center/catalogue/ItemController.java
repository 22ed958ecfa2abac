package cn.tongban.center.catalogue;

import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.kit.messaging.TraceContext;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any catalogue item handled across centers, by its code: the counter opens the case, staff (or the person) follow it,
 * the counter completes it; paper materials sent by mail are tracked on it. Items 03 (by proxy) and 06 (jointly) have
 * their own entry points that check their facts first and then use the same flow.
 */
@RestController
@RequestMapping("/api/v1/items")
@Tag(name = "catalogue items", description = "跨省通办事项: any catalogue item by proxy or joint handling")
@SecurityRequirement(name = "bearer")
class ItemController {

    private static final String STAFF_OR_PERSON = "hasAnyRole('COUNTER_CLERK','REVIEWER','CENTER_ADMIN','EMPLOYEE')";

    private final ItemCaseService service;

    ItemController(ItemCaseService service) {
        this.service = service;
    }

    /**
     * @param identityVerified the clerk checked the applicant's identity document (核验身份)
     * @param formChecked the clerk checked the application form is complete (核验表单)
     */
    record ItemRequest(@NotBlank @Size(min = 6, max = 6) String handlingCenter, @NotNull HandlingMode mode,
                       @NotNull @Valid ItemInputs.ApplicantInput applicant, Map<String, @Size(max = 200) String> form,
                       @Valid List<ItemInputs.MaterialInput> materials,
                       @AssertTrue(message = "the applicant's identity must be checked at the counter first") boolean identityVerified,
                       @AssertTrue(message = "the form must be checked at the counter first") boolean formChecked) {
    }

    record Mailing(@NotBlank @Size(max = 40) String carrier, @NotBlank @Size(max = 40) String trackingNumber) {
    }

    @PostMapping("/{code}/requests")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Receive an application for a catalogue item and send it to the center that handles it")
    ResponseEntity<ItemCaseView> request(@PathVariable String code, @Valid @RequestBody ItemRequest request,
                                         Authentication clerk,
                                         @RequestHeader(name = "traceparent", required = false) String traceparent) {
        ServiceItem item;
        try {
            item = ServiceItem.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound("NO_SUCH_ITEM", "no item " + code + " in the catalogue");
        }
        ItemCase opened = service.submit(new ItemCaseService.Submission(item, request.mode(),
                ItemInputs.center(request.handlingCenter(), "handlingCenter"), ItemInputs.applicant(request.applicant()),
                request.form() == null ? Map.of() : request.form(), ItemInputs.materials(request.materials()), clerk.getName()),
                TraceContext.continueOrStart(traceparent));
        return ItemInputs.created(opened);
    }

    @GetMapping("/cases/{id}")
    @PreAuthorize(STAFF_OR_PERSON)
    @Operation(summary = "An item case with its form, materials, result, receipt and mailings")
    ItemCaseView get(@PathVariable String id, Authentication authentication) {
        ItemCase found = service.find(id).orElseThrow(() -> ApiProblem.notFound("NO_SUCH_CASE", "no case " + id));
        Caller caller = Caller.of(authentication);
        if (!caller.isCenterStaff() && !caller.identityNumber().map(found.applicant().identityNumber().value()::equals).orElse(false)) {
            throw ApiProblem.notFound("NO_SUCH_CASE", "no case " + id);
        }
        return ItemCaseView.of(found);
    }

    @PostMapping("/cases/{id}/completion")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "The person has been told the result: complete the case here, at the platform and at the other center")
    ItemCaseView complete(@PathVariable String id, Authentication clerk) {
        return ItemCaseView.of(service.complete(id, clerk.getName()));
    }

    @PostMapping("/cases/{id}/mailings")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "Paper materials of the case were sent by mail (纸质材料邮寄)")
    ItemCaseView mailed(@PathVariable String id, @Valid @RequestBody Mailing mailing, Authentication clerk) {
        return ItemCaseView.of(service.mailed(id, mailing.carrier().strip(), mailing.trackingNumber().strip(), clerk.getName()));
    }

    @PostMapping("/cases/{id}/mailings/receipt")
    @PreAuthorize("hasRole('COUNTER_CLERK')")
    @Operation(summary = "The paper materials of the case arrived by mail and were signed for (纸质材料签收)")
    ItemCaseView received(@PathVariable String id, @Valid @RequestBody Mailing mailing, Authentication clerk) {
        return ItemCaseView.of(service.received(id, mailing.carrier().strip(), mailing.trackingNumber().strip(), clerk.getName()));
    }
}
