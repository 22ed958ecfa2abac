package cn.tongban.center.archive;

/** Why a manifest row or an uploaded file was not archived (未能关联的原因). */
public enum ArchiveIssue {
    /** The row is not well-formed CSV. */
    MALFORMED_ROW,
    /** The row names no file. */
    MISSING_FILE_NAME,
    /** An earlier row already names this file. */
    DUPLICATE_ROW,
    /** The row names a file that was not uploaded with the batch. */
    FILE_NOT_UPLOADED,
    /** Several uploaded files have this name: which one the row means is unknown. */
    AMBIGUOUS_FILE,
    /** An uploaded file that no row names. */
    FILE_NOT_IN_MANIFEST,
    /** The row's SM3 is not 64 hex digits. */
    BAD_DIGEST_FORMAT,
    /** The file's SM3 is not the one the row gives: the scan changed or the row is wrong. */
    DIGEST_MISMATCH,
    /** The file is not a PDF, JPEG, PNG or OFD by its content (or is damaged). */
    UNSUPPORTED_TYPE,
    /** The file is larger than the limit. */
    FILE_TOO_LARGE,
    /** The row names neither an account, nor an identity number, nor a case. */
    NO_LINK,
    /** The material kind is not one the federation knows. */
    UNKNOWN_MATERIAL_KIND,
    /** The identity number is malformed (length, date, check character). */
    BAD_IDENTITY_NUMBER,
    /** The case id is malformed. */
    BAD_CASE_ID,
    /** No account of this center has the account number. */
    UNKNOWN_ACCOUNT,
    /** No account of this center belongs to the identity number. */
    UNKNOWN_IDENTITY,
    /** This center has no case with the id. */
    UNKNOWN_CASE,
    /** The account number and the identity number name different people. */
    ACCOUNT_IDENTITY_DISAGREE,
    /** The content store failed; nothing of the file was kept, import it again. */
    STORE_FAILED
}
