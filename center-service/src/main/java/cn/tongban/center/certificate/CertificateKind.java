package cn.tongban.center.certificate;

/**
 * What a sealed PDF certifies. Each kind has the title printed at the top and a short prefix used in file names.
 */
public enum CertificateKind {

    /** 贷款职工住房公积金缴存使用证明 (item 02). */
    CONTRIBUTION_USE("贷款职工住房公积金缴存使用证明", "JCSY"),
    /** 住房公积金个人住房贷款全部还清证明 (item 07). */
    LOAN_REPAID("住房公积金个人住房贷款全部还清证明", "HQZM"),
    /** 办结回执: the receipt that a case of two-place joint handling (两地联办) is complete. */
    COMPLETION_RECEIPT("住房公积金异地业务办结回执", "BJHZ");

    private final String title;
    private final String prefix;

    CertificateKind(String title, String prefix) {
        this.title = title;
        this.prefix = prefix;
    }

    public String title() {
        return title;
    }

    public String prefix() {
        return prefix;
    }
}
