package cn.tongban.center.dataquality;

import java.util.Objects;

/**
 * One issue found in one record: its code, the field at fault (a CSV column such as {@code ZJHM}, or empty when the
 * issue concerns the whole row) and what exactly is wrong, e.g. {@code the birth date 19490230 does not exist}.
 */
public record Finding(IssueCode code, String field, String detail) {

    public Finding {
        Objects.requireNonNull(code, "code");
        field = field == null ? "" : field;
        Objects.requireNonNull(detail, "detail");
    }

    public static Finding of(IssueCode code, Column column, String detail) {
        return new Finding(code, column.name(), detail);
    }

    public static Finding ofRow(IssueCode code, String detail) {
        return new Finding(code, "", detail);
    }
}
