package cn.tongban.contracts.coinvestigation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.CreditCode;
import cn.tongban.contracts.IdentityNumber;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A co-investigation is about one person or one employer, and says what to check and why. */
class CoinvestigationRequestedTest {

    static final CaseId CASE = CaseId.of("310000-20261125-000061");
    static final CenterCode SHANGHAI = CenterCode.of("310000");
    static final CenterCode BEIJING = CenterCode.of("110000");
    static final IdentityNumber ZHOU = IdentityNumber.of("110105198803141237");
    static final CreditCode UNIT = CreditCode.of("91110000MA01TB014A");
    static final CoinvestigationRequested.Subject PERSON = CoinvestigationRequested.Subject.PERSON;
    static final CoinvestigationRequested.Subject EMPLOYER = CoinvestigationRequested.Subject.EMPLOYER;

    private static CoinvestigationRequested asking(CoinvestigationRequested.Subject subject, String id, String question,
                                                   String purpose) {
        return new CoinvestigationRequested(CASE, SHANGHAI, BEIJING, subject, id, "周明", question, purpose, "clerk",
                Instant.parse("2026-11-25T02:40:00Z"));
    }

    @Test
    void aboutAPersonOrAnEmployer() {
        assertThatCode(() -> asking(PERSON, ZHOU.value(), "是否有贷款", "贷款审批")).doesNotThrowAnyException();
        assertThatCode(() -> asking(EMPLOYER, UNIT.value(), "是否正常缴存", "单位登记")).doesNotThrowAnyException();
    }

    @Test
    void aSubjectThatIsNotWhatItSaysOrNoQuestionOrPurposeIsRefused() {
        assertThatThrownBy(() -> asking(PERSON, UNIT.value(), "是否有贷款", "贷款审批")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> asking(EMPLOYER, ZHOU.value(), "是否有贷款", "贷款审批")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> asking(null, ZHOU.value(), "是否有贷款", "贷款审批")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> asking(PERSON, ZHOU.value(), " ", "贷款审批")).hasMessageContaining("what to check and why");
        assertThatThrownBy(() -> asking(PERSON, ZHOU.value(), "是否有贷款", null)).hasMessageContaining("what to check and why");
    }
}
