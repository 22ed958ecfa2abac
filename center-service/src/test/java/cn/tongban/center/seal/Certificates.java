package cn.tongban.center.seal;

import cn.tongban.center.certificate.CompletionReceipt;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.proxy.CertificateAccountState;
import cn.tongban.contracts.proxy.ContributionUseCertificate;
import cn.tongban.contracts.proxy.LoanHistory;
import cn.tongban.contracts.proxy.LoanRepaidCertificate;
import cn.tongban.kit.crypto.Sm2Keys;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** The certificates of the walk-through: 王建国's account in Beijing, asked for at a Shanghai counter. */
final class Certificates {

    static final CenterCode BEIJING = CenterCode.of("110000");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final String BEIJING_NAME = "北京住房公积金管理中心";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    static final Instant NOW = Instant.parse("2026-11-25T02:30:00Z");
    static final String CASE = "310000-20261125-000042";

    private Certificates() {
    }

    /** Beijing's seal on its dev key, with a certificate it issued itself. */
    static CenterSeal beijingSeal() {
        return CenterSeal.selfIssued(BEIJING, BEIJING_NAME, Sm2Keys.devKeyPair("seal-center-110000"), NOW);
    }

    static ContributionUseCertificate contributionUse() {
        return new ContributionUseCertificate("JCSY-" + CASE, BEIJING, BEIJING_NAME, "王建国",
                IdentityNumber.of("110105198507219116"), "北京华信数据科技有限公司", "1100001000245871",
                LocalDate.of(2019, 3, 12), CertificateAccountState.NORMAL, Money.parse("10000.00"),
                new BigDecimal("12.00"), new BigDecimal("12.00"), Money.parse("2400.00"), Money.parse("186532.40"),
                "壹拾捌万陆仟伍佰叁拾贰元肆角", YearMonth.of(2019, 3), YearMonth.of(2026, 10), LoanHistory.ONE_REPAID,
                "上海市", TODAY, LocalDate.of(2027, 1, 25), "李娜", "010-12329", ContributionUseCertificate.DECLARATION);
    }

    static LoanRepaidCertificate loanRepaid() {
        return new LoanRepaidCertificate("HQZM-" + CASE, BEIJING, BEIJING_NAME, "王建国",
                IdentityNumber.of("110105198507219116"), "JK110000-2016-0042", Money.parse("800000.00"),
                LocalDate.of(2016, 4, 1), 240, LocalDate.of(2022, 8, 15), "上海市", TODAY, "李娜", "010-12329",
                LoanRepaidCertificate.DECLARATION);
    }

    static CompletionReceipt completionReceipt() {
        return new CompletionReceipt("310000-20261125-000043", ServiceItem.HOME_PURCHASE_WITHDRAWAL, BEIJING, BEIJING_NAME,
                SHANGHAI, "王建国", IdentityNumber.of("110105198507219116"), "已核准购房提取，款项已划入申请人银行账户",
                Money.parse("150000.00"), TODAY, "张伟");
    }
}
