package cn.tongban.contracts.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CenterCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The contact-letter number: institution code + YYMMDD + 4-digit sequence, unique nationally. */
class ContactLetterNumberTest {

    @Test
    void theNewCenterIssuesItFromItsCodeTheDayAndASequence() {
        ContactLetterNumber letter = ContactLetterNumber.of(CenterCode.of("310000"), LocalDate.of(2026, 11, 25), 42);
        assertThat(letter.value()).isEqualTo("3100002611250042");
        assertThat(letter.issuer()).isEqualTo(CenterCode.of("310000"));
    }

    @Test
    void aNumberThatIsNotOneIsRefused() {
        assertThatThrownBy(() -> ContactLetterNumber.of("310000261125004")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactLetterNumber.of("3100002613250001")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> ContactLetterNumber.of("3100002611250000")).hasMessageContaining("0001");
        assertThatThrownBy(() -> ContactLetterNumber.of(CenterCode.of("310000"), LocalDate.of(2026, 11, 25), 10_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
