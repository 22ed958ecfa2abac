/**
 * Archive digitisation (纸质档案数字化): batch import of scanned paper archives — a CSV manifest plus the scans —
 * each scan linked to its personal account (by account number or identity number) or to a case, its SM3 digest
 * checked, its type recognised by content, and stored in this center's own content store (GridFS bucket
 * {@code archives} by default). Every manifest row and every uploaded file ends in the batch report: archived,
 * already archived, or not linked with its reason. Nothing is dropped without a line in the report.
 *
 * <p>Plain Java: {@link cn.tongban.center.archive.ArchiveManifest}, {@link cn.tongban.center.archive.ArchiveLinkPolicy},
 * {@link cn.tongban.center.archive.ArchiveImport} and the records. Adapters: ArchiveController (REST), ArchiveService
 * (wiring, account and case look-ups), ArchiveStore (MongoDB), ArchiveProperties.
 */
package cn.tongban.center.archive;
