package cn.tongban.center.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Settles open payment instructions in the background ({@link PaymentService#settleOpen()}), every
 * {@code tongban.departments.bank.payments.sweep-interval}. Safe with several instances of the center: every move is a
 * conditional update, and asking the bank changes nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class PaymentSweep {

    private static final Logger log = LoggerFactory.getLogger(PaymentSweep.class);

    private final PaymentService payments;

    PaymentSweep(PaymentService payments) {
        this.payments = payments;
    }

    @Scheduled(initialDelayString = "${tongban.departments.bank.payments.sweep-interval:60s}",
            fixedDelayString = "${tongban.departments.bank.payments.sweep-interval:60s}")
    void sweep() {
        try {
            int changed = payments.settleOpen();
            if (changed > 0) {
                log.info("payment sweep: {} instructions moved", changed);
            }
        } catch (RuntimeException e) {
            log.error("payment sweep failed; it runs again in the next interval", e);
        }
    }
}
