package cn.tongban.center.seal;

import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Verification anyone can do (证明真伪核验), without logging in: by the verification code printed on a certificate (or
 * in its QR code), or by uploading the PDF itself. Answers carry no personal data.
 */
@RestController
@RequestMapping("/public/v1")
@Tag(name = "public verification", description = "证明核验: anyone checks a sealed certificate by code or by file, no login")
class PublicVerificationController {

    private final SealedCertificates certificates;
    private final CenterSeal seal;
    private final SealProperties properties;

    PublicVerificationController(SealedCertificates certificates, CenterSeal seal, SealProperties properties) {
        this.certificates = certificates;
        this.seal = seal;
        this.properties = properties;
    }

    @GetMapping("/certificates/{code}")
    @Operation(summary = "Verify by verification code: GENUINE, REVOKED or UNKNOWN, with the issuer and the file's digests")
    Verification byCode(@PathVariable String code) {
        String normalised = code.strip().toUpperCase();
        if (!SealedCertificates.CODE.matcher(normalised).matches()) {
            throw ApiProblem.badRequest("INVALID_VERIFICATION_CODE",
                    "a verification code is 20 letters and digits in five groups of four, e.g. K7QM-3XWD-9PRT-2HVN-C4FJ");
        }
        return certificates.verify(normalised);
    }

    @PostMapping(value = "/certificates/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Verify an uploaded PDF (form field \"file\"): GENUINE, ALTERED, REVOKED, UNKNOWN, NOT_SEALED or ISSUED_ELSEWHERE")
    Verification byFile(@RequestPart("file") MultipartFile file) {
        if (file.getSize() > properties.maxUpload().toBytes()) {
            throw tooLarge();
        }
        try (InputStream in = file.getInputStream()) {
            return certificates.verify(in.readNBytes((int) properties.maxUpload().toBytes() + 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PostMapping(value = "/certificates/verify", consumes = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Verify a PDF sent as the request body (Content-Type: application/pdf)")
    Verification byBody(@RequestBody byte[] pdf) {
        if (pdf.length > properties.maxUpload().toBytes()) {
            throw tooLarge();
        }
        return certificates.verify(pdf);
    }

    @GetMapping(value = "/seal-certificate", produces = "application/x-pem-file")
    @Operation(summary = "This center's seal certificate (PEM), to check its sealed PDFs with other tools")
    String sealCertificate() {
        return seal.certificatePem();
    }

    private ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE",
                "a certificate PDF is at most " + properties.maxUpload().toMegabytes() + " MB", java.util.List.of());
    }
}
