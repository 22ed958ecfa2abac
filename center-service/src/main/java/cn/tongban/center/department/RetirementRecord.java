package cn.tongban.center.department;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What the pension insurance record says about a person's retirement (社保退休信息). Retirement ages rise step by step
 * from 2025, so this record, not an age, decides whether someone has retired.
 */
public sealed interface RetirementRecord {

    /** The retirement date, when the record shows one: what {@code RetirementFacts.retiredOn} takes. */
    default Optional<LocalDate> retirementDate() {
        return this instanceof Retired retired ? Optional.of(retired.retiredOn()) : Optional.empty();
    }

    /**
     * 已退休.
     *
     * @param retirementType e.g. {@code NORMAL}, {@code EARLY}; null when not given
     * @param pensionStatus e.g. {@code PAYING}; null when not given
     */
    record Retired(LocalDate retiredOn, String retirementType, String pensionStatus) implements RetirementRecord {

        public Retired {
            Objects.requireNonNull(retiredOn, "retiredOn");
        }
    }

    /**
     * Insured and not retired (未退休).
     *
     * @param insuranceStatus the record's state, e.g. {@code CONTRIBUTING} (参保缴费), {@code SUSPENDED} (暂停缴费)
     */
    record NotRetired(String insuranceStatus) implements RetirementRecord {

        public NotRetired {
            Objects.requireNonNull(insuranceStatus, "insuranceStatus");
        }
    }

    /** No pension insurance record for the person (未参保). */
    record NotInsured() implements RetirementRecord {
    }
}
