package cn.tongban.center.registration;

import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Employer registration and account opening (单位登记开户, item 04), fully online: an employer's agent (whose token may
 * name no unit yet) or a counter clerk registers; a unit's own agent or the center's staff look at the employer and at
 * the case. What a caller may not see is answered as not found.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "employer registration", description = "单位登记开户: electronic business licence checked with market regulation, 一表填报 intake")
@SecurityRequirement(name = "bearer")
class RegistrationController {

    private static final String AGENT_OR_CLERK = "hasAnyRole('EMPLOYER_AGENT','COUNTER_CLERK')";
    private static final String AGENT_OR_STAFF = "hasAnyRole('EMPLOYER_AGENT','COUNTER_CLERK','REVIEWER','CENTER_ADMIN')";

    private final RegistrationService service;
    private final SealedMaterials materials;

    RegistrationController(RegistrationService service, SealedMaterials materials) {
        this.service = service;
        this.materials = materials;
    }

    @PostMapping("/employers")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "Register an employer and open its unit account; 422 with a reason when refused, 409 when already registered")
    ResponseEntity<RegistrationCase> register(@Valid @RequestBody EmployerApplication application,
                                              Authentication authentication) {
        RegistrationCase opened = service.register(application, authentication.getName());
        return ResponseEntity.created(URI.create("/api/v1/employers/" + opened.accountNumber())).body(opened);
    }

    @PostMapping("/employers/one-form")
    @PreAuthorize(AGENT_OR_CLERK)
    @Operation(summary = "Register an enterprise from its start-up platform record (一表填报); the same record again answers with the same case")
    ResponseEntity<RegistrationCase> oneForm(@Valid @RequestBody OneFormRecord record, Authentication authentication) {
        RegistrationService.Intake intake = service.registerOneForm(record, authentication.getName());
        RegistrationCase registrationCase = intake.registrationCase();
        return ResponseEntity.status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/employers/" + registrationCase.accountNumber()))
                .body(registrationCase);
    }

    @GetMapping("/employers/{accountNumber}")
    @PreAuthorize(AGENT_OR_STAFF)
    @Operation(summary = "A registered employer: its own agent or the center's staff")
    RegisteredEmployer employer(@PathVariable String accountNumber, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return service.employer(accountNumber)
                .filter(employer -> caller.isCenterStaff() || isAgentOf(caller, employer.accountNumber()))
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_EMPLOYER", "no employer " + accountNumber));
    }

    @GetMapping("/employer-registrations/{caseId}")
    @PreAuthorize(AGENT_OR_STAFF)
    @Operation(summary = "A registration case with its history: the agent who submitted it, the unit's agent, or staff")
    RegistrationCase registrationCase(@PathVariable String caseId, Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return service.registrationCase(caseId)
                .filter(c -> caller.isCenterStaff()
                        || (caller.has(Role.EMPLOYER_AGENT) && authentication.getName().equals(c.submittedBy()))
                        || (c.accountNumber() != null && isAgentOf(caller, c.accountNumber())))
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_REGISTRATION", "no registration case " + caseId));
    }

    /** A sealed material as accepted, without the file. */
    record AcceptedMaterial(String id, String kind, String fileName, String sm3, int size, String signer,
                            String certificateSerial, java.time.Instant signedAt, java.time.Instant acceptedAt) {

        static AcceptedMaterial of(SealedMaterial m) {
            return new AcceptedMaterial(m.id(), m.kind(), m.fileName(), m.sm3(), m.size(), m.signer(), m.certificateSerial(),
                    m.signedAt(), m.acceptedAt());
        }
    }

    @PostMapping(value = "/employer-registrations/{caseId}/sealed-materials", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(AGENT_OR_STAFF)
    @Operation(summary = "A material signed with the employer's electronic seal (PDF), accepted without paper when the seal verifies; 422 with the reason otherwise")
    ResponseEntity<AcceptedMaterial> sealedMaterial(@PathVariable String caseId, @RequestPart("file") MultipartFile file,
                                                    @RequestParam @jakarta.validation.constraints.NotBlank
                                                    @jakarta.validation.constraints.Size(max = 50) String kind,
                                                    Authentication authentication) throws java.io.IOException {
        registrationCase(caseId, authentication); // the same callers as may see the case, or 404
        SealedMaterial accepted = materials.accept(caseId, kind.strip(), file.getOriginalFilename(), file.getBytes(),
                authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(AcceptedMaterial.of(accepted));
    }

    private static boolean isAgentOf(Caller caller, String accountNumber) {
        return caller.has(Role.EMPLOYER_AGENT) && caller.employer().map(accountNumber::equals).orElse(false);
    }

}
