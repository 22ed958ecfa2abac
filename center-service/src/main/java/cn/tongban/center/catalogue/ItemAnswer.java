package cn.tongban.center.catalogue;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A handler's answer to a request (办理结果): done, refused, or not known yet. */
public sealed interface ItemAnswer {

    /**
     * 已办理: the item is done here; the result and the receipt go back to the requesting center.
     *
     * @param result the item's result fields
     * @param receiptNumber this center's receipt (回执编号)
     */
    record Done(Map<String, String> result, String receiptNumber) implements ItemAnswer {

        public Done {
            result = Map.copyOf(new TreeMap<>(result));
            if (receiptNumber == null || receiptNumber.isBlank()) {
                throw new IllegalArgumentException("a result has its receipt");
            }
        }
    }

    /**
     * 不予办理: a stable code and a text for the applicant.
     */
    record Refused(String reasonCode, String reason) implements ItemAnswer {

        public Refused {
            if (reasonCode == null || !reasonCode.matches("[A-Z][A-Z0-9_]*")) {
                throw new IllegalArgumentException("a reason code is upper-case letters, digits and _: " + reasonCode);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** 办理中: accepted, the outcome still open (a department did not answer, the bank has not settled). */
    record Pending(String note) implements ItemAnswer {

        public Pending {
            Objects.requireNonNull(note, "note");
        }
    }

    static Done done(Map<String, String> result, String receiptNumber) {
        return new Done(result, receiptNumber);
    }

    static Refused refused(String reasonCode, String reason) {
        return new Refused(reasonCode, reason);
    }

    static Pending pending(String note) {
        return new Pending(note);
    }
}
