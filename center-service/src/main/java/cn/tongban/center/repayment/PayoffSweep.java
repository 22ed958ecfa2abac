package cn.tongban.center.repayment;

import cn.tongban.center.department.DepartmentsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles open payoff debits in the background ({@link LoanPayoffService#settleOpen}), every
 * {@code tongban.departments.bank.payments.sweep-interval}, as the payment sweep does for payouts: an unknown outcome is
 * asked of the bank, a debit left by a process that died is taken up, a settled debit's loan is closed. Safe with several
 * instances: every move is a conditional update, and asking the bank changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PayoffSweep {

    private static final Logger log = LoggerFactory.getLogger(PayoffSweep.class);

    private final LoanPayoffService payoffs;
    private final DepartmentsProperties departments;

    PayoffSweep(LoanPayoffService payoffs, DepartmentsProperties departments) {
        this.payoffs = payoffs;
        this.departments = departments;
    }

    @Scheduled(initialDelayString = "${tongban.departments.bank.payments.sweep-interval:60s}",
            fixedDelayString = "${tongban.departments.bank.payments.sweep-interval:60s}")
    void sweep() {
        try {
            int changed = payoffs.settleOpen(departments.bank().payments().staleAfter());
            if (changed > 0) {
                log.info("payoff sweep: {} debits moved or loans closed", changed);
            }
        } catch (RuntimeException e) {
            log.error("payoff sweep failed; it runs again in the next interval", e);
        }
    }
}
