package cn.tongban.center.archive;

import cn.tongban.contracts.document.MaterialKind;
import java.time.Instant;

/**
 * A scan of a paper archive in this center's store (档案扫描件), linked to its account or case. Its content is in
 * the content store under {@code id}.
 *
 * @param fileName the name it was uploaded under
 * @param line the manifest line it came from
 * @param title the archive title from the manifest, or empty
 */
public record ArchivedDocument(String id, String batchId, String fileName, int line, String sm3, String sha256,
                               long size, String mediaType, MaterialKind materialKind, String accountNumber,
                               String caseId, String title, String importedBy, Instant importedAt) {
}
