package cn.tongban.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeTest {

    @ParameterizedTest
    @CsvSource({
            "tongban.proxy.certificate-requested.v1, proxy, certificate-requested, 1",
            "tongban.case.delivered.v1,              case,  delivered,             1",
            "tongban.platform.case-transitioned.v12, platform, case-transitioned, 12",
            "tongban.joint2.paid.v3,                 joint2, paid,                 3"})
    void aTypeIsParsedIntoFlowEventAndVersionAndPrintedBackTheSame(String text, String flow, String event,
                                                                   int version) {
        EventType type = EventType.parse(text);

        assertThat(type).isEqualTo(new EventType(flow, event, version));
        assertThat(type).hasToString(text);
    }

    @Test
    void theNextVersionKeepsFlowAndEvent() {
        EventType v1 = EventType.parse("tongban.proxy.certificate-issued.v1");

        assertThat(v1.next()).hasToString("tongban.proxy.certificate-issued.v2");
        assertThat(v1.next().next().version()).isEqualTo(3);
        assertThat(v1.next()).isNotEqualTo(v1);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "tongban.proxy.certificate-requested",      // no version
            "tongban.proxy.certificate-requested.v0",   // versions start at 1
            "tongban.proxy.certificate-requested.v01",  // no leading zero
            "tongban.Proxy.certificate-requested.v1",   // lower case only
            "tongban.proxy.certificate_requested.v1",   // hyphens, not underscores
            "tongban.proxy.1certificate.v1",            // a name starts with a letter
            "cn.tongban.proxy.certificate-requested.v1",
            "tongban.proxy.v1",
            "tongban.proxy.certificate-requested.V1",
            " tongban.proxy.certificate-requested.v1"})
    void anythingElseIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> EventType.parse(text));
    }

    @Test
    void theConstructorRefusesWhatParseWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType("proxy", "issued", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType("Proxy", "issued", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType("proxy.case", "issued", 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new EventType("proxy", "", 1));
    }
}
