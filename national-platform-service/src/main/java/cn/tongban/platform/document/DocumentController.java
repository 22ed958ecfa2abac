package cn.tongban.platform.document;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.document.DocumentReference;
import cn.tongban.contracts.document.MaterialKind;
import cn.tongban.kit.security.Caller;
import cn.tongban.kit.security.Role;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The materials of cross-center cases: a center's service uploads, the two centers of the case and platform
 * operators read. Errors are problem details: 400 bad fields, 403 not a party, 404 no such case or document, 413
 * too large, 415 not an accepted type by content, 422 digest mismatch, 500 corrupted in store, 503 store down.
 */
@RestController
@RequestMapping("/api/v1/documents")
@PreAuthorize("hasAnyRole('CENTER_SERVICE', 'PLATFORM_OPERATOR')")
@Tag(name = "documents", description = "Scanned and electronic materials of cross-center cases, by reference")
@SecurityRequirement(name = "bearer")
class DocumentController {

    private final DocumentService documents;

    DocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CENTER_SERVICE')")
    @Operation(summary = "Upload a material of a case; the answer is the reference events carry")
    ResponseEntity<DocumentReference> upload(@RequestPart("file") MultipartFile file, @RequestParam String caseId,
                                             @RequestParam MaterialKind materialKind, @RequestParam String sm3,
                                             @RequestParam(required = false) String sha256,
                                             Authentication authentication) throws IOException {
        DocumentReference reference;
        try (InputStream content = file.getInputStream()) {
            reference = documents.upload(requester(authentication),
                    new DocumentService.Upload(caseId, materialKind, sm3, sha256), content);
        }
        return ResponseEntity.created(URI.create("/api/v1/documents/" + reference.id())).body(reference);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The reference of a document: digests, size, type, case")
    DocumentReference reference(@PathVariable String id, Authentication authentication) {
        return documents.reference(requester(authentication), id);
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "The content, checked against its SM3 before it is served; every read is audited")
    ResponseEntity<Resource> content(@PathVariable String id, Authentication authentication) throws IOException {
        DocumentService.Served served = documents.read(requester(authentication), id);
        DocumentReference reference = served.reference();
        InputStream body = served.content().openForServing();
        String sha256 = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(reference.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(reference.mediaType()))
                .contentLength(reference.size())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(reference.id() + extension(reference.mediaType())).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SM3", reference.sm3())
                .header("Repr-Digest", "sha-256=:" + sha256 + ":")
                .body(new InputStreamResource(body));
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "application/pdf" -> ".pdf";
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "application/ofd" -> ".ofd";
            default -> "";
        };
    }

    /**
     * Who calls: a center's service (role CENTER_SERVICE, its center in the {@code center} claim) or a platform
     * operator. A CENTER_SERVICE token without a valid center code is refused outright.
     */
    static DocumentAccessPolicy.Requester requester(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Optional<CenterCode> center = Optional.empty();
        if (caller.has(Role.CENTER_SERVICE)) {
            String claimed = caller.center().orElse("");
            if (!CenterCode.isValid(claimed)) {
                throw ApiProblem.forbidden("NO_CENTER_CLAIM", "a center service token names its center in the '"
                        + Caller.CENTER_CLAIM + "' claim");
            }
            center = Optional.of(CenterCode.of(claimed));
        }
        return new DocumentAccessPolicy.Requester(caller.subject(), caller.has(Role.PLATFORM_OPERATOR), center);
    }
}
