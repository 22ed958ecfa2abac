package cn.tongban.kit.messaging;

import cn.tongban.contracts.event.CaseEvent;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON of event data: one mapper, one configuration, for everything that goes on or comes off Kafka. */
public class EventCodec {

    private final JsonMapper mapper;

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(Object data) {
        return mapper.writeValueAsString(data);
    }

    /** Reads event data; anything that does not fit the type is a malformed event, never retried. */
    public <T> T fromJson(byte[] json, Class<T> type) {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new MalformedEventException("EMPTY_DATA", "the event has no data");
            }
            return value;
        } catch (JacksonException e) {
            throw new MalformedEventException("INVALID_DATA",
                    "the data is not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("INVALID_DATA",
                    "the data is not a valid " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Reads the data of an event about a case and checks that it is about the case the envelope names. */
    public <T extends CaseEvent> T caseEvent(ReceivedEvent event, Class<T> type) {
        T data = fromJson(event.data(), type);
        if (data.caseId() == null || !data.caseId().value().equals(event.subject())) {
            throw new MalformedEventException("SUBJECT_MISMATCH",
                    "the event's subject " + event.subject() + " is not the case in its data");
        }
        return data;
    }

    public String asText(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
