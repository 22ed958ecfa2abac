package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class IdentityNumberTest {

    @Test
    void theStandardsOwnExampleIsValidWithCheckCharacterX() {
        IdentityNumber number = IdentityNumber.of("11010519491231002X");

        assertThat(number.value()).isEqualTo("11010519491231002X");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.isMale()).as("sequence 002 is even: a woman").isFalse();
    }

    @Test
    void aNumberOfSomeoneBornIn1880IsValid() {
        IdentityNumber number = IdentityNumber.of("440524188001010014");

        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(number.isMale()).as("sequence 001 is odd: a man").isTrue();
    }

    @Test
    void aWrongCheckCharacterIsRefused() {
        assertThat(IdentityNumber.problemWith("110105194912310021")).hasValueSatisfying(
                problem -> assertThat(problem).contains("check character"));
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityNumber.of("110105194912310021"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105199003071239", // Beijing Chaoyang, 1990-03-07, check computed with the weights
            "310104198506152344", // Shanghai Xuhui, 1985-06-15
            "440106199202284563", // Guangzhou Tianhe, 1992-02-28
            "110105200002291235"  // 2000 is a leap year: 29 February exists
    })
    void numbersBuiltWithTheStandardsWeightsAreValid(String text) {
        assertThat(IdentityNumber.problemWith(text)).isEmpty();
        assertThat(IdentityNumber.of(text).value()).isEqualTo(text);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"11010519491231002", "11010519491231002X1", "110105", "   "})
    void aNumberOfTheWrongLengthIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> new IdentityNumber(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "11010519491231002A", // only X may close the number
            "1101051949123100X2", // X anywhere but last
            "11O10519491231002X", // a letter O instead of the digit 0
            "110105-9491231002X"})
    void lettersOtherThanAFinalXAreRefused(String text) {
        assertThat(IdentityNumber.problemWith(text)).hasValueSatisfying(
                problem -> assertThat(problem).contains("17 digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "110105199002301231", // 1990-02-30, with a matching check character
            "110105190002291239"  // 1900 was not a leap year
    })
    void aBirthDateThatDoesNotExistIsRefusedEvenWithAMatchingCheckCharacter(String text) {
        assertThat(IdentityNumber.checkCharacter(text.substring(0, 17))).isEqualTo(text.charAt(17));
        assertThat(IdentityNumber.problemWith(text)).hasValueSatisfying(
                problem -> assertThat(problem).contains("does not exist"));
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        String fixed = "110105209912311232"; // 2099-12-31, matching check character
        assertThat(IdentityNumber.problemWith(fixed)).hasValueSatisfying(
                problem -> assertThat(problem).contains("not possible"));

        String tomorrow = "110105" + LocalDate.now().plusDays(1).toString().replace("-", "") + "123";
        String withCheck = tomorrow + IdentityNumber.checkCharacter(tomorrow);
        assertThatIllegalArgumentException().isThrownBy(() -> IdentityNumber.of(withCheck))
                .withMessageContaining("not possible");
    }

    @Test
    void aBirthDateBefore1850IsRefused() {
        assertThat(IdentityNumber.problemWith("110105184912311234")).hasValueSatisfying(
                problem -> assertThat(problem).contains("not possible"));
    }

    @Test
    void aLowerCaseXAndSurroundingBlanksAreAcceptedAndNormalised() {
        assertThat(IdentityNumber.of(" 11010519491231002x ").value()).isEqualTo("11010519491231002X");
        assertThat(IdentityNumber.of("11010519491231002x")).isEqualTo(IdentityNumber.of("11010519491231002X"));
    }

    @Test
    void theMaskedFormKeepsAddressSequenceAndCheckButHidesTheBirthDate() {
        IdentityNumber number = IdentityNumber.of("11010519491231002X");

        assertThat(number.masked()).isEqualTo("110105********002X");
    }

    @Test
    void toStringMasksSoTheWholeNumberNeverReachesALog() {
        IdentityNumber number = IdentityNumber.of("11010519491231002X");

        assertThat(number.toString()).isEqualTo("110105********002X").doesNotContain("19491231");
        assertThat("" + number).doesNotContain("11010519491231002X");
    }

    @Test
    void inJsonTheNumberTravelsWholeAsAString() {
        JsonMapper json = JsonMapper.builder().build();
        IdentityNumber number = IdentityNumber.of("11010519491231002X");

        assertThat(json.writeValueAsString(number)).isEqualTo("\"11010519491231002X\"");
        assertThat(json.readValue("\"11010519491231002x\"", IdentityNumber.class)).isEqualTo(number);
    }
}
