package cn.tongban.center.dataquality;

import cn.tongban.center.policy.RateRange;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What an imported row must satisfy besides being well-formed (导入校验规则).
 *
 * @param today the day of the import (China time): no date may lie after it
 * @param rates the contribution rates allowed on each side, in percent
 * @param minimumWorkingAge no account is opened for a person younger than this (the legal working age is 16)
 * @param earliestOpening no account is older than the housing provident fund itself (Shanghai, 1991); an earlier
 *                        opening date is a placeholder of the old system, not a date
 */
public record ImportRules(LocalDate today, RateRange rates, int minimumWorkingAge, LocalDate earliestOpening) {

    public ImportRules {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(earliestOpening, "earliestOpening");
        if (minimumWorkingAge < 0) {
            throw new IllegalArgumentException("a minimum working age is not negative");
        }
    }

    /** The national rules: rates 5%–12% each side, work from 16, accounts from 1991. */
    public static ImportRules national(LocalDate today) {
        return new ImportRules(today, new RateRange(RateRange.NATIONAL_MIN, RateRange.NATIONAL_MAX), 16,
                LocalDate.of(1991, 1, 1));
    }
}
