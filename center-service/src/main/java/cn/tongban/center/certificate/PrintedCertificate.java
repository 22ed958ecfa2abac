package cn.tongban.center.certificate;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a certificate prints, line by line, in the words of its template: the same layout code renders every kind.
 *
 * @param number the certificate number (证明编号)
 * @param lines label and value, in the order printed
 * @param declaration the sentence printed above the seal
 */
public record PrintedCertificate(CertificateKind kind, String number, CenterCode issuer, String issuerName,
                                 List<Line> lines, String declaration, LocalDate issuedOn, String handler,
                                 String handlerPhone) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy年M月");

    /** One printed field: 姓名 — 王建国. */
    public record Line(String label, String value) {

        public Line {
            Objects.requireNonNull(label, "label");
            value = value == null || value.isBlank() ? "—" : value;
        }
    }

    public PrintedCertificate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(issuedOn, "issuedOn");
        lines = List.copyOf(lines);
    }

    /** The contribution-and-use certificate (item 02) as the national template prints it. */
    public static PrintedCertificate of(ContributionUseCertificate c) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("姓名", c.name()));
        lines.add(new Line("身份证号码", c.identityNumber().value()));
        lines.add(new Line("工作单位", c.employerName()));
        lines.add(new Line("个人账号", c.accountNumber()));
        lines.add(new Line("开户日期", day(c.openedOn())));
        lines.add(new Line("账户状态", c.accountState().chinese()));
        lines.add(new Line("缴存基数", yuan(c.contributionBase())));
        lines.add(new Line("缴存比例", "单位 " + c.unitRate().toPlainString() + "%，个人 " + c.personalRate().toPlainString() + "%"));
        lines.add(new Line("月缴存额", yuan(c.monthlyAmount())));
        lines.add(new Line("账户余额", yuan(c.balance()) + "（" + c.balanceInWords() + "）"));
        lines.add(new Line("连续缴存", c.continuousFrom() == null ? "无缴存记录"
                : month(c.continuousFrom()) + "至" + month(c.continuousTo())));
        lines.add(new Line("贷款情况", c.loanHistory().chinese()));
        lines.add(new Line("贷款城市", c.lendingCity()));
        lines.add(new Line("有效期至", day(c.validUntil())));
        return new PrintedCertificate(CertificateKind.CONTRIBUTION_USE, c.certificateNumber(), c.issuingCenter(),
                c.issuingCenterName(), lines, c.declaration(), c.issuedOn(), c.handler(), c.handlerPhone());
    }

    /** The loan-fully-repaid certificate (item 07). */
    public static PrintedCertificate of(LoanRepaidCertificate c) {
        List<Line> lines = List.of(
                new Line("姓名", c.name()),
                new Line("身份证号码", c.identityNumber().value()),
                new Line("借款合同编号", c.contractNumber()),
                new Line("贷款金额", yuan(c.principal()) + "（" + ChineseMoneyWords.of(c.principal()) + "）"),
                new Line("放款日期", day(c.grantedOn())),
                new Line("贷款期限", c.termMonths() + "个月"),
                new Line("结清日期", day(c.repaidOn())),
                new Line("证明用途", c.requestedFor()));
        return new PrintedCertificate(CertificateKind.LOAN_REPAID, c.certificateNumber(), c.issuingCenter(),
                c.issuingCenterName(), lines, c.declaration(), c.issuedOn(), c.handler(), c.handlerPhone());
    }

    /** The completion receipt of joint handling; the identity number is masked, the receipt travels between centers. */
    public static PrintedCertificate of(CompletionReceipt r, String handlerPhone) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("业务编号", r.caseId()));
        lines.add(new Line("办理事项", r.item().chineseName()));
        lines.add(new Line("申请人", r.applicantName()));
        lines.add(new Line("身份证号码", r.identityNumber().masked()));
        lines.add(new Line("受理中心", r.requestingCenter().value()));
        lines.add(new Line("办理结果", r.result()));
        if (r.amount() != null) {
            lines.add(new Line("金额", yuan(r.amount()) + "（" + ChineseMoneyWords.of(r.amount()) + "）"));
        }
        lines.add(new Line("办结日期", day(r.completedOn())));
        return new PrintedCertificate(CertificateKind.COMPLETION_RECEIPT, CertificateKind.COMPLETION_RECEIPT.prefix()
                + "-" + r.caseId(), r.handlingCenter(), r.handlingCenterName(), lines, "本业务已办结，特此回执",
                r.completedOn(), r.handler(), handlerPhone);
    }

    static String day(LocalDate day) {
        return day == null ? null : DAY.format(day);
    }

    private static String month(YearMonth month) {
        return MONTH.format(month);
    }

    private static String yuan(Money money) {
        return money == null ? null : money + " 元";
    }
}
