package cn.tongban.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bytes a sender signs, fixed here so that a center written in another language can check its own. */
class CanonicalFormTest {

    static final Instant TIME = Instant.parse("2026-11-25T02:00:00.123Z");
    static final byte[] DATA = "{\"caseId\":\"110000-20261125-000001\",\"name\":\"张三\"}"
            .getBytes(StandardCharsets.UTF_8);

    static CanonicalForm requested() {
        return CanonicalForm.of("1.0", "8d3c1f9e-5b7a-4c2e-9f10-2a6b7c8d9e01", "/centers/110000",
                "tongban.proxy.certificate-requested.v1", "110000-20261125-000001", TIME, "application/json",
                "310000", null, DATA);
    }

    @Test
    void theCanonicalBytesOfAnEventAreTheGoldenOnes() {
        String golden = "specversion=1.0\n"
                + "id=8d3c1f9e-5b7a-4c2e-9f10-2a6b7c8d9e01\n"
                + "source=/centers/110000\n"
                + "type=tongban.proxy.certificate-requested.v1\n"
                + "subject=110000-20261125-000001\n"
                + "time=2026-11-25T02:00:00.123Z\n"
                + "datacontenttype=application/json\n"
                + "tbdest=310000\n"
                + "tborigin=\n"
                + "data={\"caseId\":\"110000-20261125-000001\",\"name\":\"张三\"}";

        byte[] bytes = requested().toBytes();

        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(golden);
        assertThat(bytes).hasSize(297);
        // The data's last bytes are the UTF-8 of 张三 and the closing "}, and nothing follows them.
        assertThat(HexFormat.of().formatHex(Arrays.copyOfRange(bytes, bytes.length - 8, bytes.length)))
                .isEqualTo("e5bca0e4b889227d");
    }

    @Test
    void anEventForwardedByThePlatformNamesItsOriginAndMissingAttributesAreEmptyLines() {
        CanonicalForm forwarded = CanonicalForm.of("1.0", "e-2", "/platform", "tongban.case.delivered.v1", null, null,
                null, "110000", "310000", null);

        assertThat(new String(forwarded.toBytes(), StandardCharsets.UTF_8)).isEqualTo("specversion=1.0\n"
                + "id=e-2\nsource=/platform\ntype=tongban.case.delivered.v1\nsubject=\ntime=\ndatacontenttype=\n"
                + "tbdest=110000\ntborigin=310000\ndata=");
    }

    @Test
    void timeIsWrittenInUtcWithoutTrailingZerosWhateverOffsetItWasSentIn() {
        assertThat(CanonicalForm.formatTime(Instant.parse("2026-11-25T10:00:00+08:00"))).isEqualTo("2026-11-25T02:00:00Z");
        assertThat(CanonicalForm.formatTime(Instant.parse("2026-11-25T02:00:00.100Z"))).isEqualTo("2026-11-25T02:00:00.1Z");
        assertThat(CanonicalForm.formatTime(Instant.parse("2026-11-25T02:00:00.000123Z")))
                .isEqualTo("2026-11-25T02:00:00.000123Z");
        assertThat(CanonicalForm.formatTime(Instant.parse("2026-11-25T02:00:00.123456789Z")))
                .isEqualTo("2026-11-25T02:00:00.123456789Z");
        assertThat(CanonicalForm.formatTime(Instant.parse("2026-01-05T02:03:04Z"))).isEqualTo("2026-01-05T02:03:04Z");
    }

    @Test
    void theSameInstantGivesTheSameBytesAndAnotherInstantOtherBytes() {
        CanonicalForm sentWithOffset = CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c",
                Instant.parse("2026-11-25T10:00:00.123000+08:00"), "application/json", "310000", null, DATA);
        CanonicalForm oneMillisecondLater = CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c",
                TIME.plusMillis(1), "application/json", "310000", null, DATA);
        CanonicalForm same = CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c", TIME,
                "application/json", "310000", null, DATA);

        assertThat(sentWithOffset.toBytes()).isEqualTo(same.toBytes());
        assertThat(oneMillisecondLater.toBytes()).isNotEqualTo(same.toBytes());
        assertThat(sentWithOffset).isEqualTo(same).hasSameHashCodeAs(same);
    }

    @Test
    void theDataIsCopiedRawSoLineBreaksInItChangeNothingAboutTheLines() {
        byte[] tricky = "x\ntbdest=440100\n".getBytes(StandardCharsets.UTF_8);
        CanonicalForm form = CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c", null, null, "310000",
                null, tricky);

        String text = new String(form.toBytes(), StandardCharsets.UTF_8);

        assertThat(text).startsWith("specversion=1.0\n").contains("tbdest=310000\n")
                .endsWith("data=x\ntbdest=440100\n");
    }

    @Test
    void aLineBreakInAnAttributeCannotBeSmuggledIntoTheLines() {
        assertThatThrownBy(() -> CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c\ntbdest=440100",
                null, null, "310000", null, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        assertThatThrownBy(() -> CanonicalForm.of("1.0", "e-1\r", "/centers/110000", "t.v1", "c", null, null, null,
                null, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }

    @Test
    void theRequiredAttributesMustBeThere() {
        assertThatThrownBy(() -> CanonicalForm.of("1.0", " ", "/centers/110000", "t.v1", "c", null, null, null, null,
                DATA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> CanonicalForm.of("1.0", "e-1", null, "t.v1", "c", null, null, null, null, DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        assertThatThrownBy(() -> CanonicalForm.of(null, "e-1", "/centers/110000", "t.v1", "c", null, null, null,
                null, DATA)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specversion");
    }

    @Test
    void changingTheCallersArrayAfterwardsChangesNothing() {
        byte[] data = "{}".getBytes(StandardCharsets.UTF_8);
        CanonicalForm form = CanonicalForm.of("1.0", "e-1", "/centers/110000", "t.v1", "c", null, null, null, null,
                data);
        byte[] before = form.toBytes();

        data[0] = 'X';
        form.data()[1] = 'Y';

        assertThat(form.toBytes()).isEqualTo(before);
    }
}
