package cn.tongban.center.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.casefile.CaseState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The national transfer platform's status codes, read off the case's state. */
class TransferStatusTest {

    @ParameterizedTest(name = "{0} (failed {1}) is {2} {3}")
    @CsvSource({
            "SUBMITTED,   false, APPLIED,          ''",
            "DELIVERED,   false, LETTER_REVIEWED,  01",
            "ACCEPTED,    false, LETTER_ACCEPTED,  02",
            "RESULT_SENT, false, ACCOUNT_REVIEWED, 08",
            "COMPLETED,   false, COMPLETED,        00",
            "WITHDRAWN,   false, CANCELLED,        05",
            "REJECTED,    false, REFUSED,          13",
            "ACCEPTED,    true,  FAILED,           40",
    })
    void eachStateShowsItsNationalCode(CaseState state, boolean failed, TransferStatus status, String code) {
        assertThat(TransferStatus.of(state, failed)).isEqualTo(status);
        assertThat(status.code()).isEqualTo(code.isEmpty() ? null : code);
    }
}
