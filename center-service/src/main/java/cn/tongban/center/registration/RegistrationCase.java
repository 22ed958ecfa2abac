package cn.tongban.center.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.data.annotation.Id;

/**
 * An employer registration case (单位登记开户申请), kept in {@value RegistrationStore#CASES} with its state history.
 *
 * @param establishedOn 成立日期 as the start-up platform or the register gives it; may be null
 * @param accountNumber the unit account number (单位账号) once OPENED, else null
 * @param reviewFlags e.g. {@value RegistrationService#MANUAL_REVIEW} when the credit code fails its check characters
 * @param submittedBy the subject of the caller who submitted it
 * @param history oldest first
 */
public record RegistrationCase(@Id String id, Channel channel, String creditCode, String name,
                               String legalRepresentative, String address, String contactName, String contactPhone,
                               BigDecimal unitRate, BigDecimal personalRate, String bankAccount, LocalDate establishedOn,
                               RegistrationState state, String reasonCode, String reason, String accountNumber,
                               List<ReviewFlag> reviewFlags, String submittedBy, Instant submittedAt,
                               List<StateChange> history) {

    public RegistrationCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(creditCode, "creditCode");
        Objects.requireNonNull(state, "state");
        reviewFlags = reviewFlags == null ? List.of() : List.copyOf(reviewFlags);
        history = history == null ? List.of() : List.copyOf(history);
    }

    static RegistrationCase submitted(String id, Channel channel, EmployerApplication application,
                                      LocalDate establishedOn, String by, Instant at) {
        return new RegistrationCase(id, channel, application.creditCode().trim().toUpperCase(), application.name().trim(),
                application.legalRepresentative().trim(), application.address().trim(),
                application.contact().name().trim(), application.contact().phone().trim(), application.unitRate(),
                application.personalRate(), application.bankAccount().trim(), establishedOn, RegistrationState.SUBMITTED,
                null, null, null, List.of(), by, at, List.of(new StateChange(RegistrationState.SUBMITTED, at, by, null, null)));
    }
}
