package cn.tongban.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.event.CanonicalForm;
import cn.tongban.contracts.event.Envelope;
import cn.tongban.kit.crypto.Sm3;
import cn.tongban.kit.messaging.ReceivedEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** The record hash and the checkpoint bytes as documented, and the canonical form surviving the trip over Kafka. */
class AuditRecordTest {

    static final Instant RECORDED = Instant.parse("2026-11-25T02:00:01.5Z");

    @Test
    void aRecordsHashIsSm3OfThePreviousHashAndItsFieldsAsDocumented() {
        CanonicalForm event = AuditFixture.event(7);
        String prev = Sm3.hex("whatever came before".getBytes(StandardCharsets.UTF_8));

        AuditRecord record = AuditRecord.of(8, prev, event, RECORDED);

        String fields = "seq=8\n"
                + "id=event-7\n"
                + "type=tongban.proxy.certificate-requested.v1\n"
                + "source=/centers/110000\n"
                + "subject=110000-20261125-000007\n"
                + "tbdest=310000\n"
                + "tborigin=\n"
                + "time=2026-11-25T02:00:00.007Z\n"
                + "recorded=2026-11-25T02:00:01.5Z\n"
                + "event-sm3=" + Sm3.hex(event.toBytes()) + "\n";
        assertThat(record.eventSm3()).isEqualTo(Sm3.hex(event.toBytes()));
        assertThat(record.hash()).isEqualTo(Sm3.toHex(Sm3.digest(Sm3.fromHex(prev), fields.getBytes(StandardCharsets.UTF_8))));
        assertThat(record.selfConsistent()).isTrue();
    }

    @Test
    void theFirstRecordFollowsThirtyTwoZeroBytes() {
        AuditRecord first = AuditRecord.of(1, AuditRecord.GENESIS, AuditFixture.event(1), RECORDED);

        assertThat(AuditRecord.GENESIS).hasSize(64).matches("0+");
        assertThat(first.hash()).isEqualTo(AuditRecord.of(1, AuditRecord.GENESIS, AuditFixture.event(1), RECORDED).hash());
        assertThat(first.hash()).isNotEqualTo(AuditRecord.of(2, AuditRecord.GENESIS, AuditFixture.event(1), RECORDED).hash());
    }

    @Test
    void anyChangedFieldMakesTheRecordInconsistent() {
        AuditRecord record = AuditRecord.of(3, AuditRecord.GENESIS, AuditFixture.event(3), RECORDED);

        assertThat(new AuditRecord(record.seq(), record.eventId(), record.type(), record.source(), record.subject(),
                "440100", record.origin(), record.time(), record.recordedAt(), record.eventSm3(), record.prevHash(),
                record.hash()).selfConsistent()).isFalse();
        assertThat(new AuditRecord(record.seq(), record.eventId(), record.type(), record.source(), record.subject(),
                record.destination(), record.origin(), record.time(), record.recordedAt(), record.eventSm3(),
                Sm3.hex(new byte[] {1}), record.hash()).selfConsistent()).isFalse();
        assertThat(new AuditRecord(4, record.eventId(), record.type(), record.source(), record.subject(),
                record.destination(), record.origin(), record.time(), record.recordedAt(), record.eventSm3(),
                record.prevHash(), record.hash()).selfConsistent()).isFalse();
    }

    @Test
    void theCheckpointBytesAreAsDocumented() {
        assertThat(new String(AuditCheckpoint.signedBytes(1000, "ab".repeat(32), "2026-11-25T02:00:00Z"),
                StandardCharsets.UTF_8))
                .isEqualTo("tongban-audit-checkpoint\nseq=1000\nhash=" + "ab".repeat(32) + "\ntime=2026-11-25T02:00:00Z\n");
    }

    /**
     * The sender signs the canonical form of what it sends; the platform rebuilds it from what it received.
     * Both must be the same bytes, microseconds and Chinese text included.
     */
    @Test
    void theCanonicalFormRebuiltFromAReceivedEventIsTheOneTheSenderBuilt() {
        Instant sent = Instant.parse("2026-11-25T02:00:00.123456Z");
        byte[] data = "{\"caseId\":\"110000-20261125-000001\",\"name\":\"张三\"}".getBytes(StandardCharsets.UTF_8);
        CanonicalForm signedBySender = CanonicalForm.of(Envelope.SPEC_VERSION, "event-1", "/centers/110000",
                "tongban.proxy.certificate-requested.v1", "110000-20261125-000001", sent, Envelope.CONTENT_TYPE,
                "310000", null, data);
        ProducerRecord<String, byte[]> produced = KafkaMessageFactory
                .createWriter("tongban.relay.inbound", null, null, "110000-20261125-000001")
                .writeBinary(CloudEventBuilder.v1()
                        .withId("event-1")
                        .withSource(URI.create("/centers/110000"))
                        .withType("tongban.proxy.certificate-requested.v1")
                        .withSubject("110000-20261125-000001")
                        .withTime(sent.atOffset(ZoneOffset.UTC))
                        .withDataContentType(Envelope.CONTENT_TYPE)
                        .withExtension(Envelope.EXT_DESTINATION, "310000")
                        .withExtension(Envelope.EXT_SIGNATURE, "c2lnbmF0dXJl")
                        .withData(data)
                        .build());
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(produced.topic(), 0, 42L, 0L,
                TimestampType.CREATE_TIME, 0, 0, produced.key(), produced.value(), produced.headers(),
                java.util.Optional.empty());

        CanonicalForm rebuilt = AuditLog.canonicalFormOf(ReceivedEvent.from(consumed));

        assertThat(new String(produced.headers().lastHeader("ce_time").value(), StandardCharsets.UTF_8))
                .isEqualTo(CanonicalForm.formatTime(sent));
        assertThat(rebuilt.toBytes()).isEqualTo(signedBySender.toBytes());
    }
}
