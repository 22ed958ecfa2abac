package cn.tongban.platform.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.CenterCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may put materials into a case and read them: the two centers, and for reading the platform's operators. */
class DocumentAccessPolicyTest {

    static final DocumentAccessPolicy.Parties BEIJING_ASKS_SHANGHAI = new DocumentAccessPolicy.Parties(
            CenterCode.of("110000"), CenterCode.of("310000"));

    static DocumentAccessPolicy.Requester center(String code) {
        return new DocumentAccessPolicy.Requester("svc-" + code, false, Optional.of(CenterCode.of(code)));
    }

    static final DocumentAccessPolicy.Requester OPERATOR = new DocumentAccessPolicy.Requester("op", true, Optional.empty());
    static final DocumentAccessPolicy.Requester NOBODY = new DocumentAccessPolicy.Requester("x", false, Optional.empty());

    @Test
    void theRequestingAndTheHandlingCenterReadAndUpload() {
        for (String party : new String[] {"110000", "310000"}) {
            assertThat(DocumentAccessPolicy.mayRead(center(party), BEIJING_ASKS_SHANGHAI))
                    .isInstanceOf(DocumentAccessPolicy.Granted.class);
            assertThat(DocumentAccessPolicy.mayUpload(center(party), BEIJING_ASKS_SHANGHAI))
                    .isInstanceOf(DocumentAccessPolicy.Granted.class);
        }
    }

    @Test
    void aThirdCenterOfTheFederationIsRefusedWithItsReason() {
        assertThat(DocumentAccessPolicy.mayRead(center("440100"), BEIJING_ASKS_SHANGHAI)).isEqualTo(
                new DocumentAccessPolicy.Refused("NOT_A_PARTY", "center 440100 is not a party of this document's case"));
        assertThat(DocumentAccessPolicy.mayUpload(center("440100"), BEIJING_ASKS_SHANGHAI))
                .isEqualTo(new DocumentAccessPolicy.Refused("NOT_A_PARTY", "center 440100 is not a party of this case"));
    }

    @Test
    void operatorsReadButDoNotUpload() {
        assertThat(DocumentAccessPolicy.mayRead(OPERATOR, BEIJING_ASKS_SHANGHAI)).isInstanceOf(DocumentAccessPolicy.Granted.class);
        assertThat(DocumentAccessPolicy.mayUpload(OPERATOR, BEIJING_ASKS_SHANGHAI))
                .isInstanceOf(DocumentAccessPolicy.Refused.class);
    }

    @Test
    void someoneWhoIsNeitherACenterNorAnOperatorIsRefused() {
        assertThat(DocumentAccessPolicy.mayRead(NOBODY, BEIJING_ASKS_SHANGHAI))
                .extracting(decision -> ((DocumentAccessPolicy.Refused) decision).code()).isEqualTo("NOT_A_CENTER");
    }
}
