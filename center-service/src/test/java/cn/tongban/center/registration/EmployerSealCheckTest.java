package cn.tongban.center.registration;

import static cn.tongban.center.registration.EmployerSeals.AUTHORITY;
import static cn.tongban.center.registration.EmployerSeals.CREDIT_CODE;
import static cn.tongban.center.registration.EmployerSeals.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.kit.crypto.Sm2Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Materials signed with an employer's electronic seal stand in for paper only when the seal verifies. */
class EmployerSealCheckTest {

    private final EmployerSealCheck check = new EmployerSealCheck(List.of(AUTHORITY.publicKey()));
    private final Instant now = SIGNED.plusSeconds(60);

    @Test
    void aFormSealedByTheUnitWithACertificateFromARecognisedAuthorityIsAcceptedWithoutPaper() throws Exception {
        EmployerSealCheck.Decision decision = check.decide(EmployerSeals.sealedForm(), CREDIT_CODE, now);

        assertThat(decision).isInstanceOf(EmployerSealCheck.Accepted.class);
        EmployerSealCheck.Accepted accepted = (EmployerSealCheck.Accepted) decision;
        assertThat(accepted.signer()).contains(CREDIT_CODE);
        assertThat(accepted.signedAt()).isEqualTo(SIGNED);
    }

    @Test
    void aFormChangedAfterSealingIsRefused() throws Exception {
        byte[] pdf = EmployerSeals.sealedForm();
        pdf[pdf.length / 5] ^= 0x01;

        assertThat(reason(check.decide(pdf, CREDIT_CODE, now))).isEqualTo(EmployerSealCheck.SEAL_BROKEN);
    }

    @Test
    void aFormWithoutSealOrNoPdfAtAllIsRefused() throws Exception {
        assertThat(reason(check.decide(EmployerSeals.blankForm(), CREDIT_CODE, now))).isEqualTo(EmployerSealCheck.NOT_SEALED);
        assertThat(reason(check.decide("scan.jpg".getBytes(StandardCharsets.UTF_8), CREDIT_CODE, now)))
                .isEqualTo(EmployerSealCheck.NOT_SEALED);
    }

    @Test
    void aSealWhoseCertificateNoRecognisedAuthorityIssuedIsRefused() throws Exception {
        byte[] pdf = EmployerSeals.sealedForm(Sm2Keys.devKeyPair("self-made-authority"), CREDIT_CODE,
                SIGNED.minusSeconds(86_400), SIGNED.plusSeconds(86_400));

        assertThat(reason(check.decide(pdf, CREDIT_CODE, now))).isEqualTo(EmployerSealCheck.SEAL_UNTRUSTED);
    }

    @Test
    void aSealWhoseCertificateHadExpiredWhenItSignedIsRefused() throws Exception {
        byte[] pdf = EmployerSeals.sealedForm(AUTHORITY, CREDIT_CODE, SIGNED.minusSeconds(86_400 * 400L),
                SIGNED.minusSeconds(86_400 * 35L));

        assertThat(reason(check.decide(pdf, CREDIT_CODE, now))).isEqualTo(EmployerSealCheck.SEAL_NOT_VALID_THEN);
    }

    @Test
    void anotherUnitsSealDoesNotSignForThisUnit() throws Exception {
        byte[] pdf = EmployerSeals.sealedForm(AUTHORITY, "91310000MA1FL4XQ3K", SIGNED.minusSeconds(86_400),
                SIGNED.plusSeconds(86_400));

        assertThat(reason(check.decide(pdf, CREDIT_CODE, now))).isEqualTo(EmployerSealCheck.SEAL_OF_ANOTHER_UNIT);
    }

    private static String reason(EmployerSealCheck.Decision decision) {
        assertThat(decision).isInstanceOf(EmployerSealCheck.Refused.class);
        return ((EmployerSealCheck.Refused) decision).reasonCode();
    }
}
