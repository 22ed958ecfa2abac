package cn.tongban.center.repayment;

import static org.assertj.core.api.Assertions.assertThat;
import cn.tongban.center.department.DepartmentsConfiguration;
import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.kit.messaging.EventCodec;
import cn.tongban.kit.messaging.OutboxWriter;
import cn.tongban.kit.messaging.OutgoingEvents;
import tools.jackson.databind.json.JsonMapper;
import cn.tongban.kit.testing.EmbeddedMongo;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.time.Clock;
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
import cn.tongban.center.account.AccountStore;

/** The payoff as Spring wires it with center.yml: quotes, the debit's store and service on the bank client. */
class PayoffWiringTest {

    @Test
    void thePayoffCapabilityStartsWithCenterYml() {
        try (EmbeddedMongo mongo = new EmbeddedMongo("payoff_wiring")) {
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
                    .withBean(PayoffEvents.class, () -> new PayoffEvents(() -> CaseId.of("110000-20260325-000001"),
                            CenterCode.of("110000"), new OutgoingEvents(new EventCodec(JsonMapper.builder().build()),
                            "/centers/110000", Clock.systemUTC())))
                    .withUserConfiguration(DepartmentsConfiguration.class, AccountStore.class, LoanPayoffQuotes.class,
                            PayoffInstructionStore.class, LoanPayoffService.class)
                    .run(app -> {
                        assertThat(app).hasNotFailed();
                        assertThat(app).hasSingleBean(LoanPayoffService.class);
                        assertThat(app.getBean(LoanPayoffService.class).find("JK110000-2026-0001")).isEmpty();
                    });
        }
    }
}
