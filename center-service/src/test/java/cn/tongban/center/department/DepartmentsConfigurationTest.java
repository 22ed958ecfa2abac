package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.IdentityNumber;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot.retry.autoconfigure.RetryAutoConfiguration;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The department clients as center.yml configures them: timeouts bound, every Resilience4j instance there. */
class DepartmentsConfigurationTest {

    final ApplicationContextRunner context = new ApplicationContextRunner()
            .withInitializer(c -> centerYml().forEach(c.getEnvironment().getPropertySources()::addLast))
            .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, BulkheadAutoConfiguration.class,
                    RetryAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                    HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(DepartmentsConfiguration.class);

    @Test
    void everyDepartmentHasAClientWithItsTimeouts() {
        context.run(app -> {
            assertThat(app).hasNotFailed();
            assertThat(app).hasSingleBean(BankSettlementClient.class).hasSingleBean(IdentityVerificationClient.class)
                    .hasSingleBean(SocialSecurityClient.class).hasSingleBean(MarketRegulationClient.class)
                    .hasSingleBean(RealEstateRegistryClient.class);
            DepartmentsProperties departments = app.getBean(DepartmentsProperties.class);
            assertThat(departments.baseUrl()).isEqualTo(URI.create("http://localhost:8089"));
            assertThat(departments.identity().readTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(departments.realEstate().readTimeout()).isEqualTo(Duration.ofSeconds(8));
            assertThat(departments.bank().readTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(departments.bank().payments().maxSends()).isEqualTo(3);
        });
    }

    @Test
    void theClientsSpeakJsonThroughBootsRestClientBuilder() {
        WireMockServer department = new WireMockServer(wireMockConfig().dynamicPort());
        department.start();
        try {
            department.stubFor(post("/identity/v1/verify")
                    .withRequestBody(equalToJson("{\"identityNumber\": \"11010519491231002X\", \"name\": \"张三\"}"))
                    .willReturn(okJson("{\"identityNumber\": \"11010519491231002X\", \"result\": \"MATCH\"}")));
            context.withPropertyValues("tongban.departments.base-url=" + department.baseUrl()).run(app ->
                    assertThat(app.getBean(IdentityVerificationClient.class)
                            .verify(IdentityNumber.of("11010519491231002X"), "张三").matches()).isTrue());
        } finally {
            department.stop();
        }
    }

    @Test
    void everyEndpointHasABreakerAndABulkheadAndOnlyTheQueriesARetry() {
        context.run(app -> {
            List<String> endpoints = List.of(DepartmentsConfiguration.IDENTITY, DepartmentsConfiguration.SOCIAL_SECURITY,
                    DepartmentsConfiguration.MARKET_REGULATION, DepartmentsConfiguration.REAL_ESTATE,
                    DepartmentsConfiguration.BANK_PAYMENT, DepartmentsConfiguration.BANK_QUERY);
            CircuitBreakerRegistry breakers = app.getBean(CircuitBreakerRegistry.class);
            BulkheadRegistry bulkheads = app.getBean(BulkheadRegistry.class);
            RetryRegistry retries = app.getBean(RetryRegistry.class);
            for (String endpoint : endpoints) {
                assertThat(breakers.find(endpoint)).as(endpoint).isPresent();
                assertThat(bulkheads.find(endpoint)).as(endpoint).isPresent();
            }
            assertThat(retries.getAllRetries()).extracting(r -> r.getName()).containsExactlyInAnyOrder(
                    DepartmentsConfiguration.IDENTITY, DepartmentsConfiguration.SOCIAL_SECURITY,
                    DepartmentsConfiguration.MARKET_REGULATION, DepartmentsConfiguration.REAL_ESTATE,
                    DepartmentsConfiguration.BANK_QUERY);
        });
    }

    @Test
    void theBreakersCountUnavailableAndGarbledAnswersButNotOurOwnRefusedRequests() {
        context.run(app -> {
            CircuitBreakerConfig config = app.getBean(CircuitBreakerRegistry.class)
                    .find(DepartmentsConfiguration.BANK_QUERY).orElseThrow().getCircuitBreakerConfig();
            assertThat(config.getMinimumNumberOfCalls()).isEqualTo(10);
            assertThat(config.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(config.getRecordExceptionPredicate().test(DepartmentUnavailable.circuitOpen(Department.BANK))).isTrue();
            assertThat(config.getRecordExceptionPredicate().test(DepartmentAnswerGarbled.fieldMissing(Department.BANK, "status"))).isTrue();
            assertThat(config.getIgnoreExceptionPredicate().test(new DepartmentRefusedRequest(Department.BANK, 400, "MALFORMED", null))).isTrue();
            assertThat(config.getRecordExceptionPredicate().test(new IllegalStateException())).isFalse();
        });
    }

    @Test
    void aRetryRepeatsOnlyWhatWasUnavailable() {
        context.run(app -> {
            var retry = app.getBean(RetryRegistry.class).find(DepartmentsConfiguration.SOCIAL_SECURITY).orElseThrow().getRetryConfig();
            assertThat(retry.getMaxAttempts()).isEqualTo(3);
            assertThat(retry.getExceptionPredicate().test(DepartmentUnavailable.serverError(Department.SOCIAL_SECURITY, 503))).isTrue();
            assertThat(retry.getExceptionPredicate().test(DepartmentAnswerGarbled.notJson(Department.SOCIAL_SECURITY, null))).isFalse();
        });
    }

    @Test
    void anEndpointWithoutItsResilienceConfigurationDoesNotStart() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, BulkheadAutoConfiguration.class,
                        RetryAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
                        HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class))
                .withUserConfiguration(DepartmentsConfiguration.class)
                .withPropertyValues("tongban.departments.base-url=http://localhost:8089")
                .run(app -> assertThat(app).getFailure().rootCause()
                        .hasMessageContaining("resilience4j.circuitbreaker.instances.identity is not configured"));
    }

    private static List<PropertySource<?>> centerYml() {
        try {
            return new YamlPropertySourceLoader().load("center.yml", new ClassPathResource("center.yml"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
