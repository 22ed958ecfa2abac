package cn.tongban.center.contribution;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of contribution information on a personal account (缴存信息变更), kept with the account.
 *
 * @param businessType the national business-type code (GJHTQYWLX): 10 基数调整, 04 启封, 05 封存
 * @param from the value before, as text
 * @param to the value after, as text
 * @param by who made it (staff id or the employer agent)
 */
public record AccountChange(Instant at, String businessType, String what, String from, String to, LocalDate effectiveOn,
                            String by, String reason) {

    /** The stored field of the account document that holds its changes. */
    public static final String FIELD = "changes";
}
