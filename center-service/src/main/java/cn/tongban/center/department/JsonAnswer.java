package cn.tongban.center.department;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A JSON object of a department's answer, read field by field: a field that is missing or of the wrong kind becomes
 * a {@link DepartmentAnswerGarbled} naming it, never a null passed on.
 */
final class JsonAnswer {

    private final Department department;
    private final JsonNode node;
    private final String path;

    JsonAnswer(Department department, JsonNode node, String path) {
        this.department = department;
        this.node = node;
        this.path = path;
    }

    String text(String field) {
        JsonNode value = present(field);
        if (!value.isString() || value.stringValue().isBlank()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        return value.stringValue();
    }

    Optional<String> optionalText(String field) {
        return has(field) ? Optional.of(text(field)) : Optional.empty();
    }

    boolean bool(String field) {
        JsonNode value = present(field);
        if (!value.isBoolean()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        return value.booleanValue();
    }

    long wholeNumber(String field) {
        JsonNode value = present(field);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        return value.longValue();
    }

    Optional<BigDecimal> optionalDecimal(String field) {
        if (!has(field)) {
            return Optional.empty();
        }
        JsonNode value = node.get(field);
        if (!value.isNumber()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        return Optional.of(value.decimalValue());
    }

    LocalDate date(String field) {
        return parsed(field, LocalDate::parse);
    }

    Optional<LocalDate> optionalDate(String field) {
        return has(field) ? Optional.of(date(field)) : Optional.empty();
    }

    /** An ISO instant, with or without an offset ({@code 2026-11-25T08:00:00Z}). */
    Optional<Instant> optionalInstant(String field) {
        return has(field) ? Optional.of(parsed(field, text -> OffsetDateTime.parse(text).toInstant())) : Optional.empty();
    }

    /** One of {@code type}'s constants by name. */
    <E extends Enum<E>> E constant(String field, Class<E> type) {
        return parsed(field, text -> Enum.valueOf(type, text));
    }

    JsonAnswer object(String field) {
        JsonNode value = present(field);
        if (!value.isObject()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        return new JsonAnswer(department, value, name(field) + ".");
    }

    List<JsonAnswer> objects(String field) {
        JsonNode value = present(field);
        if (!value.isArray()) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), value.toString());
        }
        List<JsonAnswer> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemName = name(field) + "[" + i + "]";
            if (!item.isObject()) {
                throw DepartmentAnswerGarbled.fieldInvalid(department, itemName, item.toString());
            }
            items.add(new JsonAnswer(department, item, itemName + "."));
        }
        return items;
    }

    /** Reads a field through a value object's constructor; what it refuses is a garbled answer. */
    <T> T parsed(String field, Function<String, T> parser) {
        String text = text(field);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw DepartmentAnswerGarbled.fieldInvalid(department, name(field), text);
        }
    }

    /** Checks that the answer is about what was asked. */
    void expect(String field, String asked) {
        if (!text(field).equals(asked)) {
            throw DepartmentAnswerGarbled.wrongSubject(department, name(field));
        }
    }

    /** The field holds a value the department's API does not have. */
    DepartmentAnswerGarbled invalid(String field) {
        return DepartmentAnswerGarbled.fieldInvalid(department, name(field), has(field) ? node.get(field).toString() : "null");
    }

    boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    private JsonNode present(String field) {
        if (!has(field)) {
            throw DepartmentAnswerGarbled.fieldMissing(department, name(field));
        }
        return node.get(field);
    }

    private String name(String field) {
        return path + field;
    }
}
