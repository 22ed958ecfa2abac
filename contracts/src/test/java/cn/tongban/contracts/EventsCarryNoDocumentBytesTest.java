package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.document.DocumentReference;
import cn.tongban.contracts.event.CaseEvent;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scans of materials travel by reference ({@link DocumentReference}), never as bytes in Kafka events: no event
 * payload, nor any record inside one, has a field of raw bytes (byte[], ByteBuffer, a stream). Checked over every
 * event type on the class path, so a new event that embeds a document fails the build.
 */
class EventsCarryNoDocumentBytesTest {

    @Test
    void noEventPayloadHasAFieldOfBytes() {
        Map<String, Class<? extends CaseEvent>> events = GoldenSamplesTest.eventTypes();
        List<String> offenders = new ArrayList<>();
        for (Class<? extends CaseEvent> payload : events.values()) {
            walk(payload, payload.getSimpleName(), offenders, new HashSet<>());
        }

        assertThat(events).isNotEmpty();
        assertThat(offenders).isEmpty();
    }

    @Test
    void theCheckFindsBytesNestedInAList() {
        record Attachment(String name, byte[] content) {
        }
        record WithAttachments(List<Attachment> attachments, DocumentReference reference) {
        }
        List<String> offenders = new ArrayList<>();

        walk(WithAttachments.class, "WithAttachments", offenders, new HashSet<>());

        assertThat(offenders).containsExactly("WithAttachments.attachments[].content: byte[]");
    }

    private static void walk(Class<?> type, String path, List<String> offenders, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            check(component.getType(), component.getGenericType(), path + "." + component.getName(), offenders, seen);
        }
    }

    private static void check(Class<?> type, Type generic, String path, List<String> offenders, Set<Class<?>> seen) {
        if (type == byte[].class || type == Byte[].class || ByteBuffer.class.isAssignableFrom(type)
                || InputStream.class.isAssignableFrom(type)) {
            offenders.add(path + ": " + type.getSimpleName());
            return;
        }
        if (generic instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                if (argument instanceof Class<?> element) {
                    check(element, element, path + "[]", offenders, seen);
                }
            }
        }
        walk(type, path, offenders, seen);
    }
}
