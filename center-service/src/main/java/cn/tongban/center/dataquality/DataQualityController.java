package cn.tongban.center.dataquality;

import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Data quality (数据质量补齐、纠正) for the center's administrator: import a legacy export, see what was quarantined,
 * read the report over what is stored. The CSV format is described on {@link ImportFormat} and {@link LegacyImport}.
 */
@RestController
@RequestMapping("/api/v1/data-quality")
@Validated
@Tag(name = "data quality", description = "Legacy imports with quarantine, and the data-quality report")
@SecurityRequirement(name = "bearer")
class DataQualityController {

    private static final String ADMIN = "hasRole('CENTER_ADMIN')";

    private final DataQualityService service;
    private final DataQualityProperties properties;

    DataQualityController(DataQualityService service, DataQualityProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(ADMIN)
    @Operation(summary = "Import a legacy CSV export (personal accounts or employers): good rows imported, bad rows quarantined")
    ResponseEntity<BatchReport> upload(@RequestPart("file") MultipartFile file, Authentication admin) throws IOException {
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "FILE_TOO_LARGE", "an import file holds at most "
                    + properties.maxFileSize().toMegabytes() + " MB; split the export", List.of());
        }
        ImportOutcome outcome = service.importFile(file.getOriginalFilename(), file.getBytes(), admin.getName());
        if (outcome instanceof ImportOutcome.FileRefused refused) {
            throw ApiProblem.badRequest(refused.code(), refused.detail());
        }
        BatchReport report = ((ImportOutcome.Completed) outcome).report();
        return ResponseEntity.created(URI.create("/api/v1/data-quality/imports/" + report.batchId())).body(report);
    }

    @GetMapping("/imports/{batchId}")
    @PreAuthorize(ADMIN)
    @Operation(summary = "The report of one import batch")
    BatchReport batch(@PathVariable String batchId) {
        return service.batch(batchIdOf(batchId)).orElseThrow(() -> noSuchBatch(batchId));
    }

    @GetMapping("/imports/{batchId}/quarantine")
    @PreAuthorize(ADMIN)
    @Operation(summary = "The quarantined rows of one import batch with every reason, in file order")
    QuarantinePage quarantine(@PathVariable String batchId,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return service.quarantine(batchIdOf(batchId), page, size).orElseThrow(() -> noSuchBatch(batchId));
    }

    @GetMapping("/report")
    @PreAuthorize(ADMIN)
    @Operation(summary = "The data-quality report over this center's stored records and its latest imports")
    DataQualityReport report() {
        return service.report();
    }

    private static BatchId batchIdOf(String text) {
        if (!BatchId.isValid(text)) {
            throw noSuchBatch(text);
        }
        return BatchId.of(text);
    }

    private static ApiProblem noSuchBatch(String batchId) {
        return ApiProblem.notFound("NO_SUCH_BATCH", "no import batch " + batchId);
    }
}
