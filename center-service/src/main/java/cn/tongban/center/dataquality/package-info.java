/**
 * Data quality (数据质量补齐、纠正) of one center: the import of legacy records and the report over what is stored.
 *
 * <ul>
 *   <li><b>Import.</b> An administrator uploads a CSV export of the old system ({@link
 *       cn.tongban.center.dataquality.ImportFormat personal accounts or employers}, national-standard column names).
 *       {@link cn.tongban.center.dataquality.LegacyImport} imports every good row and quarantines every bad row
 *       ({@code import_quarantine}: batch, line, raw text, every reason) — none is dropped — and answers with a
 *       {@link cn.tongban.center.dataquality.BatchReport}. Rows are read by {@link
 *       cn.tongban.center.dataquality.CsvReader} (RFC 4180, UTF-8) and checked by {@link
 *       cn.tongban.center.dataquality.PersonalAccountRowCheck} and {@link
 *       cn.tongban.center.dataquality.EmployerRowCheck}; reasons are {@link cn.tongban.center.dataquality.IssueCode}s,
 *       results, not exceptions. Warnings (a pilot-area credit code, no bank account, a second open account of one
 *       person) import the row and flag it for review ({@code reviewFlags} on the stored document).</li>
 *   <li><b>Report.</b> {@link cn.tongban.center.dataquality.DataQualityInspection} reads the stored records through
 *       {@link cn.tongban.center.dataquality.StoredRecords} and counts, with masked samples, what is wrong in them,
 *       with the latest import batches.</li>
 *   <li><b>Edges.</b> {@code DataQualityController} ({@code /api/v1/data-quality}, role CENTER_ADMIN), {@link
 *       cn.tongban.center.dataquality.DataQualityService}, {@link cn.tongban.center.dataquality.DataQualityStore}
 *       (MongoDB) and {@link cn.tongban.center.dataquality.DataQualityProperties}; everything else is plain Java.</li>
 * </ul>
 */
package cn.tongban.center.dataquality;
