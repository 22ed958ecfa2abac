package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class CaseIdTest {

    @Test
    void aCaseIdIsTheOpenersCodeTheDayAndASixDigitSequence() {
        CaseId id = CaseId.of(CenterCode.of("310000"), LocalDate.of(2026, 11, 25), 42);

        assertThat(id.value()).isEqualTo("310000-20261125-000042");
        assertThat(id).hasToString("310000-20261125-000042");
        assertThat(id.opener()).isEqualTo(CenterCode.of("310000"));
    }

    @Test
    void aParsedCaseIdEqualsTheOneBuiltFromItsParts() {
        assertThat(CaseId.of("440100-20260301-999999"))
                .isEqualTo(CaseId.of(CenterCode.of("440100"), LocalDate.of(2026, 3, 1), 999_999));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 1_000_000})
    void aSequenceOutsideOneToNineHundredNinetyNineThousandIsRefused(long sequence) {
        assertThatIllegalArgumentException().isThrownBy(
                () -> CaseId.of(CenterCode.of("110000"), LocalDate.of(2026, 11, 25), sequence));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "310000-20261125-42",        // sequence not padded
            "310000-2026-11-25-000042",  // ISO day
            "31000-20261125-000042",     // center code of 5 digits
            "310000_20261125_000042",
            "310000-20261125-000042 "})
    void aMalformedCaseIdIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CaseId.of(text));
    }

    @Test
    void aCaseIdOfACenterCodeNoProvinceHasIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CaseId.of("990000-20261125-000042"))
                .withMessageContaining("no province");
    }

    @Test
    void inJsonACaseIdIsAString() {
        JsonMapper json = JsonMapper.builder().build();
        CaseId id = CaseId.of("310000-20261125-000042");

        assertThat(json.writeValueAsString(id)).isEqualTo("\"310000-20261125-000042\"");
        assertThat(json.readValue("\"310000-20261125-000042\"", CaseId.class)).isEqualTo(id);
    }
}
