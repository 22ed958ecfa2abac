package cn.tongban.center.department;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code tongban.departments.*}: where the external departments are and how long to wait for them. The circuit
 * breakers, bulkheads and retries are Resilience4j instances under {@code resilience4j.*}, one per endpoint (see
 * {@link DepartmentsConfiguration}).
 *
 * @param baseUrl the departments' gateway; locally the WireMock simulator (deploy/simulator)
 */
@Validated
@ConfigurationProperties("tongban.departments")
public record DepartmentsProperties(@NotNull URI baseUrl,
                                    @DefaultValue @Valid Timeouts identity,
                                    @DefaultValue @Valid Timeouts socialSecurity,
                                    @DefaultValue @Valid Timeouts marketRegulation,
                                    @DefaultValue @Valid Timeouts realEstate,
                                    @DefaultValue @Valid Bank bank) {

    /**
     * The HTTP client's timeouts for one department: these are the real time limits of a call.
     *
     * @param connectTimeout to open the connection; a call that fails here never reached the department
     * @param readTimeout from sending the request to the answer; a call that fails here may have been acted on
     */
    public record Timeouts(@DefaultValue("2s") @NotNull Duration connectTimeout,
                           @DefaultValue("5s") @NotNull Duration readTimeout) {
    }

    /**
     * The settlement bank (银行结算).
     *
     * @param payments how withdrawals are paid through it
     */
    public record Bank(@DefaultValue("2s") @NotNull Duration connectTimeout,
                       @DefaultValue("10s") @NotNull Duration readTimeout,
                       @DefaultValue @Valid Payments payments) {

        public Timeouts timeouts() {
            return new Timeouts(connectTimeout, readTimeout);
        }
    }

    /**
     * Payment instructions to the bank.
     *
     * @param maxSends how often one instruction may be sent at most, the first time included; a resend happens only
     *        after the bank said it never received the instruction. Past it, an unknown outcome waits for a person
     * @param awaitOutcome how long a second submission of the same payment waits for the first one's outcome
     * @param staleAfter an instruction left as sent or requested this long (the sending process died) is taken up
     *        by the sweep: the bank is asked, and only then anything sent
     * @param sweepInterval how often open instructions are settled by asking the bank
     */
    public record Payments(@DefaultValue("3") @Min(1) int maxSends,
                           @DefaultValue("30s") @NotNull Duration awaitOutcome,
                           @DefaultValue("2m") @NotNull Duration staleAfter,
                           @DefaultValue("60s") @NotNull Duration sweepInterval) {
    }
}
