package cn.tongban.center.archive;

/**
 * What a scan is linked to: a personal account, a case, or both.
 *
 * @param accountNumber the personal account (个人账号), or null
 * @param caseId the case (业务流水号), or null
 */
public record ArchiveLink(String accountNumber, String caseId) {

    public ArchiveLink {
        if (accountNumber == null && caseId == null) {
            throw new IllegalArgumentException("a link names an account or a case");
        }
    }
}
