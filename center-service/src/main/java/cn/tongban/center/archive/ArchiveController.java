package cn.tongban.center.archive;

import cn.tongban.kit.document.StagedContent;
import cn.tongban.kit.document.VerifiedRead;
import cn.tongban.kit.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Archive digitisation: a center's administrator imports batches; its staff read the scans. */
@RestController
@RequestMapping("/api/v1/archives")
@Tag(name = "archives", description = "Batch import of scanned paper archives, linked to accounts and cases")
@SecurityRequirement(name = "bearer")
class ArchiveController {

    private final ArchiveService archives;

    ArchiveController(ArchiveService archives) {
        this.archives = archives;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('CENTER_ADMIN')")
    @Operation(summary = "Import a batch: a CSV manifest and the scans it names; the answer is the batch report")
    ResponseEntity<ArchiveReport> importBatch(@RequestPart("manifest") MultipartFile manifest,
                                              @RequestPart(name = "files", required = false) List<MultipartFile> files,
                                              Authentication admin) throws IOException {
        List<ArchiveImport.ArchiveFile> batch = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            batch.add(new ArchiveImport.ArchiveFile(baseName(file.getOriginalFilename()), file::getInputStream));
        }
        ArchiveReport report = archives.importBatch(admin.getName(), manifest.getBytes(), batch);
        return ResponseEntity.created(URI.create("/api/v1/archives/imports/" + report.batchId())).body(report);
    }

    @GetMapping("/imports/{batchId}")
    @PreAuthorize("hasRole('CENTER_ADMIN')")
    @Operation(summary = "The report of a batch")
    ArchiveReport report(@PathVariable String batchId) {
        return archives.report(batchId)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_BATCH", "no archive batch " + batchId));
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize("hasAnyRole('COUNTER_CLERK', 'REVIEWER', 'CENTER_ADMIN')")
    @Operation(summary = "The record of an archived scan")
    ArchivedDocument document(@PathVariable String id) {
        return archives.document(id)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ARCHIVE_DOCUMENT", "no archived document " + id));
    }

    @GetMapping("/documents/{id}/content")
    @PreAuthorize("hasAnyRole('COUNTER_CLERK', 'REVIEWER', 'CENTER_ADMIN')")
    @Operation(summary = "An archived scan, checked against its SM3 before it is served")
    ResponseEntity<Resource> content(@PathVariable String id) throws IOException {
        ArchivedDocument document = archives.document(id)
                .orElseThrow(() -> ApiProblem.notFound("NO_SUCH_ARCHIVE_DOCUMENT", "no archived document " + id));
        VerifiedRead.Intact intact = archives.read(id);
        StagedContent content = intact.content();
        InputStream body = content.openForServing();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(document.size()).cacheControl(CacheControl.noStore())
                .header("X-Content-SM3", document.sm3()).header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(body));
    }

    /** The file name without any directory a browser sent with it. */
    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1);
    }
}
