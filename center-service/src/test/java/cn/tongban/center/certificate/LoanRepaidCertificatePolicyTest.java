package cn.tongban.center.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoanRepaidCertificatePolicyTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    static LoanRecord repaid(String contract, LocalDate on) {
        return LoanRecord.legacy(contract, Money.parse("500000.00"), on.minusYears(8), 240, Money.ZERO, on);
    }

    static LoanRecord outstanding(String contract) {
        return LoanRecord.legacy(contract, Money.parse("700000.00"), LocalDate.of(2022, 4, 15), 300,
                Money.parse("640000.00"), null);
    }

    static PersonalAccount holder(LoanRecord... loans) {
        return new PersonalAccount("1100000000000001", IdentityNumber.of("110105198507219116"), "王建国", "11000000000001",
                "北京华信数据科技有限公司", LocalDate.of(2012, 7, 16), AccountState.NORMAL, Money.parse("18500.00"),
                new BigDecimal("12"), new BigDecimal("12"), Money.parse("1000.00"), List.of(), List.of(loans));
    }

    static CertificateDecision decide(PersonalAccount account, String name) {
        return LoanRepaidCertificatePolicy.decide(account, name, CenterCode.of("110000"), "北京住房公积金管理中心", "广州市",
                "HQZM-1", "自动出具", "12329", TODAY);
    }

    @Test
    void theLatestLoanPaidOffIsCertified() {
        CertificateDecision decision = decide(holder(repaid("JK-A", LocalDate.of(2019, 3, 1)),
                repaid("JK-B", LocalDate.of(2023, 6, 30))), "王建国");

        assertThat(decision).isInstanceOfSatisfying(CertificateDecision.LoanRepaidIssued.class, issued -> {
            assertThat(issued.certificate().contractNumber()).isEqualTo("JK-B");
            assertThat(issued.certificate().repaidOn()).isEqualTo(LocalDate.of(2023, 6, 30));
            assertThat(issued.certificate().requestedFor()).isEqualTo("广州市");
            assertThat(issued.certificate().declaration()).contains("已全部还清");
        });
    }

    @Test
    void aLoanStillOutstandingMeansNothingIsFullyRepaid() {
        assertThat(decide(holder(repaid("JK-A", LocalDate.of(2019, 3, 1)), outstanding("JK-C")), "王建国"))
                .isEqualTo(new CertificateDecision.Refused("LOAN_OUTSTANDING", "申请人在我中心的住房公积金贷款尚未全部还清，不能出具还清证明"));
    }

    @Test
    void someoneWhoNeverBorrowedHereGetsNoCertificate() {
        assertThat(decide(holder(), "王建国")).isInstanceOfSatisfying(CertificateDecision.Refused.class,
                refused -> assertThat(refused.reasonCode()).isEqualTo("NO_LOAN"));
    }

    @Test
    void aWrongNameLearnsNothingAboutTheLoans() {
        assertThat(decide(holder(outstanding("JK-C")), "王建华")).isInstanceOfSatisfying(CertificateDecision.Refused.class,
                refused -> assertThat(refused.reasonCode()).isEqualTo("NAME_MISMATCH"));
    }
}
