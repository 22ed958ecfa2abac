package cn.tongban.contracts.proxy;

/** Account state as printed on the contribution-and-use certificate (national template). */
public enum CertificateAccountState {
    /** 正常. */
    NORMAL("正常"),
    /** 封存. */
    SEALED("封存"),
    /** 欠款 (contributions in arrears). */
    ARREARS("欠款"),
    /** 其他. */
    OTHER("其他");

    private final String chinese;

    CertificateAccountState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
