package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class CenterCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"110000", "310000", "440100", "440300", "650100", "810000", "820000"})
    void divisionCodesOfExistingProvincesAreCenterCodes(String text) {
        assertThat(CenterCode.isValid(text)).isTrue();
        assertThat(CenterCode.of(text).value()).isEqualTo(text);
        assertThat(CenterCode.of(text)).hasToString(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11000", "1100000", "11000A", " 110000", "11-000"})
    void anythingButSixDigitsIsRefused(String text) {
        assertThat(CenterCode.isValid(text)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CenterCode.of(text))
                .withMessageContaining("6 digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"000000", "100000", "160000", "300000", "660000", "720000", "990000"})
    void aPrefixNoProvinceHasIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CenterCode.of(text))
                .withMessageContaining("no province has the prefix " + text.substring(0, 2));
    }

    @Test
    void equalCodesAreEqualValues() {
        assertThat(CenterCode.of("310000")).isEqualTo(new CenterCode("310000"))
                .isNotEqualTo(CenterCode.of("110000"));
    }

    @Test
    void inJsonACenterCodeIsAString() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(CenterCode.of("440100"))).isEqualTo("\"440100\"");
        assertThat(json.readValue("\"440100\"", CenterCode.class)).isEqualTo(CenterCode.of("440100"));
    }
}
