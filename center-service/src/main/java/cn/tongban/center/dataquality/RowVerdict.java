package cn.tongban.center.dataquality;

import java.util.List;
import java.util.Objects;

/**
 * What the check of one imported row decided: the record to import (perhaps flagged for review), or every reason
 * the row is quarantined (隔离) for.
 */
public sealed interface RowVerdict<T> permits RowVerdict.Accepted, RowVerdict.Refused {

    /** The row makes a record; any warnings travel with it as review flags. */
    record Accepted<T>(T record) implements RowVerdict<T> {
        public Accepted {
            Objects.requireNonNull(record, "record");
        }
    }

    /** The row is quarantined; {@code reasons} holds every refusal found, and the warnings found besides. */
    record Refused<T>(List<Finding> reasons) implements RowVerdict<T> {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.stream().noneMatch(f -> f.code().refusesRow())) {
                throw new IllegalArgumentException("a refused row has at least one refusing reason: " + reasons);
            }
        }
    }
}
