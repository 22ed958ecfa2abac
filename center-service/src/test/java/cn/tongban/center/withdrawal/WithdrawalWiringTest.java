package cn.tongban.center.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.department.DepartmentsConfiguration;
import cn.tongban.center.payment.PaymentInstructionStore;
import cn.tongban.center.payment.PaymentService;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.PolicyLoader;
import cn.tongban.center.repayment.LoanPayoffQuotes;
import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.testing.EmbeddedMongo;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoOperations;

/** The retirement withdrawal and the payoff quotes start with the application's own beans and center.yml. */
class WithdrawalWiringTest {

    @Test
    void theServicesStartWithCenterYml() {
        try (EmbeddedMongo mongo = new EmbeddedMongo("withdrawal_wiring")) {
            new ApplicationContextRunner()
                    .withInitializer(c -> {
                        try {
                            new YamlPropertySourceLoader().load("center.yml", new ClassPathResource("center.yml"))
                                    .forEach(c.getEnvironment().getPropertySources()::addLast);
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
                            BulkheadAutoConfiguration.class, RetryAutoConfiguration.class, JacksonAutoConfiguration.class,
                            HttpMessageConvertersAutoConfiguration.class, HttpClientAutoConfiguration.class,
                            RestClientAutoConfiguration.class))
                    .withBean(MongoOperations.class, mongo::template)
                    .withBean(OutboxWriter.class, () -> new OutboxWriter(mongo.template(), null))
                    .withBean(Clock.class, Clock::systemUTC)
                    .withBean(CenterProperties.class, () -> new CenterProperties(CenterCode.of("110000"), "北京住房公积金管理中心",
                            "12329", List.of(CenterCode.of("110000")), null))
                    .withBean(CenterPolicy.class, () -> PolicyLoader.loadBundled(CenterCode.of("110000")))
                    .withUserConfiguration(DepartmentsConfiguration.class, PaymentInstructionStore.class, PaymentService.class,
                            AccountStore.class, WithdrawalCaseStore.class, RetirementWithdrawalService.class,
                            LoanPayoffQuotes.class)
                    .run(app -> {
                        assertThat(app).hasNotFailed();
                        assertThat(app).hasSingleBean(RetirementWithdrawalService.class).hasSingleBean(LoanPayoffQuotes.class);
                        assertThat(app.getBean(RetirementWithdrawalService.class).find("WD-110000-20261125-000001")).isEmpty();
                    });
        }
    }
}
