package cn.tongban.center.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An employer as registration stores it in {@code employers}: the fields of {@link cn.tongban.center.account.Employer}
 * under the same names (the credit code as text, since a pilot-area code that fails its check is legal), plus what
 * registration knows.
 *
 * @param state the unit account state (DWZHZT): {@value #NORMAL} 正常 once opened
 * @param reviewFlags codes for a clerk to look at, e.g. {@value RegistrationService#MANUAL_REVIEW}
 * @param registrationCaseId the case that opened the account
 */
public record RegisteredEmployer(String accountNumber, String creditCode, String name, BigDecimal unitRate,
                                 BigDecimal personalRate, String bankAccount, String legalRepresentative,
                                 String address, String contactName, String contactPhone, LocalDate establishedOn,
                                 String state, List<ReviewFlag> reviewFlags, LocalDate openedOn,
                                 String registrationCaseId) {

    /** DWZHZT 01 正常. */
    public static final String NORMAL = "01";

    public RegisteredEmployer {
        reviewFlags = reviewFlags == null ? List.of() : List.copyOf(reviewFlags);
    }
}
