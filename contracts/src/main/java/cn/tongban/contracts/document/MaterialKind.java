package cn.tongban.contracts.document;

/**
 * What a document is, for the case (材料类别): decides who needs it and how long it is kept (retention is each
 * holder's configuration, not part of the contract).
 */
public enum MaterialKind {
    /** A signed application form (申请表). */
    APPLICATION_FORM,
    /** An identity document: resident identity card, household register (身份证明材料). */
    IDENTITY_DOCUMENT,
    /** A home-purchase contract, invoice or title certificate (购房证明材料). */
    PURCHASE_PROOF,
    /** An authorisation for an agent (委托书). */
    AUTHORISATION,
    /** A certificate one center issued for another (证明). */
    CERTIFICATE,
    /** A completion receipt of joint handling (办结回执). */
    COMPLETION_RECEIPT,
    /** A page of a digitised paper archive (纸质档案扫描件). */
    ARCHIVE_SCAN,
    /** Anything else the case needs (其他材料). */
    OTHER
}
