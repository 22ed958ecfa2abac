/**
 * The platform's store of scanned and electronic materials (材料存储): centers upload the scans of application
 * materials and completion receipts of a cross-center case here, and events carry only a
 * {@link cn.tongban.contracts.document.DocumentReference} to them.
 *
 * <ul>
 * <li>{@link cn.tongban.platform.document.DocumentController}: upload, reference, content (REST).</li>
 * <li>{@link cn.tongban.platform.document.DocumentService}: staging, type and digest checks, store, verified read,
 *     audit of every read.</li>
 * <li>{@link cn.tongban.platform.document.DocumentAccessPolicy}: who may upload and read (plain Java).</li>
 * <li>{@link cn.tongban.platform.document.DocumentRecords}: the {@code documents} collection (metadata); the bytes
 *     are in the kit's {@link cn.tongban.kit.document.ContentStore} (GridFS bucket {@code documents} by default).</li>
 * <li>{@link cn.tongban.platform.document.DocumentRetention}: removes documents past their retention.</li>
 * </ul>
 */
package cn.tongban.platform.document;
