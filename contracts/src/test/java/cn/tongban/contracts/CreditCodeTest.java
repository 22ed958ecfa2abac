package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class CreditCodeTest {

    @Test
    void theStandardsOwnExampleIsValid() {
        assertThat(CreditCode.problemWith("91350100M000100Y43")).isEmpty();
        assertThat(CreditCode.of("91350100M000100Y43").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void theStandardsExampleWithAnotherCheckCharacterIsRefused() {
        assertThat(CreditCode.problemWith("91350100M000100Y42")).hasValueSatisfying(
                problem -> assertThat(problem).contains("GB 32100"));
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.of("91350100M000100Y42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "91110108578112340X", // Beijing Haidian; organisation check 11 -> 0, final check X
            "91310104689543215L", // Shanghai Xuhui
            "914401015678123416", // Guangzhou
            "9111010510000018XY", // organisation check 10 -> X
            "911101052000000720"  // final check 31 -> 0
    })
    void codesBuiltWithBothCheckAlgorithmsAreValid(String code) {
        assertThat(CreditCode.problemWith(code)).isEmpty();
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));
        assertThat(CreditCode.organisationCheck(code.substring(8, 16))).isEqualTo(code.charAt(16));
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z'})
    void lettersTheStandardLeavesOutAreRefused(char forbidden) {
        String code = "91350100M000100Y43".replace('M', forbidden);

        assertThat(CreditCode.problemWith(code)).hasValueSatisfying(
                problem -> assertThat(problem).contains("'" + forbidden + "' may not appear"));
    }

    @Test
    void aWrongOrganisationCodeCheckIsRefusedEvenWhenTheFinalCheckMatches() {
        // organisation check 5 instead of 4, final character recomputed over the changed 17 (GB 32100 passes)
        String code = "91350100M000100Y56";
        assertThat(CreditCode.checkCharacter(code.substring(0, 17))).isEqualTo(code.charAt(17));

        assertThat(CreditCode.problemWith(code)).hasValueSatisfying(
                problem -> assertThat(problem).contains("GB 11714"));
    }

    @Test
    void theDivisionMustBeSixDigits() {
        String first17 = "91A50100M000100Y4";
        String code = first17 + CreditCode.checkCharacter(first17);

        assertThat(CreditCode.problemWith(code)).hasValueSatisfying(
                problem -> assertThat(problem).contains("administrative division"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y431"})
    void aCodeOfTheWrongLengthIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode(text));
    }

    @Test
    void lowerCaseAndBlanksAreNormalised() {
        assertThat(CreditCode.of(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void aCodeThatFailsOnlyItsCheckCanBeFlaggedInsteadOfRefused() {
        // early pilot-area codes: the caller asks problemWith and decides, nothing is thrown
        assertThat(CreditCode.problemWith("91350100M000100Y42")).isPresent();
    }

    @Test
    void aPilotAreaCodeReadBackLenientlyIsKeptAndFlagged() {
        CreditCode pilot = CreditCode.lenient(" 91350100m000100y42 ");

        assertThat(pilot.value()).isEqualTo("91350100M000100Y42");
        assertThat(pilot.checkCharacterValid()).isFalse();
        assertThat(pilot).hasToString("91350100M000100Y42");
    }

    @Test
    void newInputIsStillCheckedStrictly() {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.of("91350100M000100Y42"))
                .withMessageContaining("check character");
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode("91350100M000100Y42"))
                .withMessageContaining("check character");
        assertThatIllegalArgumentException().isThrownBy(() -> new CreditCode("91350100M000100Y42", true));
    }

    @Test
    void aValidCodeReadLenientlyIsTheSameAsOneCheckedStrictly() {
        CreditCode lenient = CreditCode.lenient("91350100M000100Y43");

        assertThat(lenient.checkCharacterValid()).isTrue();
        assertThat(lenient).isEqualTo(CreditCode.of("91350100M000100Y43"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"91350100M000100Y4", "91A50100M000100Y43", "91350100M000100I43"})
    void evenLenientlyWhatIsNotShapedLikeACreditCodeIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> CreditCode.lenient(text));
    }

    @Test
    void aPilotAreaCodeIsWrittenToJsonAsItsText() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(CreditCode.lenient("91350100M000100Y42"))).isEqualTo("\"91350100M000100Y42\"");
    }

    @Test
    void inJsonTheCodeIsAString() {
        JsonMapper json = JsonMapper.builder().build();

        assertThat(json.writeValueAsString(CreditCode.of("91350100M000100Y43"))).isEqualTo("\"91350100M000100Y43\"");
        assertThat(json.readValue("\"91350100M000100Y43\"", CreditCode.class))
                .isEqualTo(CreditCode.of("91350100M000100Y43"));
    }
}
