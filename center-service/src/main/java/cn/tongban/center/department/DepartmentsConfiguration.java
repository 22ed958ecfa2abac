package cn.tongban.center.department;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The department clients, each on its own HTTP client (its timeouts) and its own Resilience4j instances, named as
 * below in {@code center.yml} ({@code resilience4j.circuitbreaker|bulkhead|retry.instances.<name>}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DepartmentsProperties.class)
public class DepartmentsConfiguration {

    public static final String IDENTITY = "identity";
    public static final String SOCIAL_SECURITY = "social-security";
    public static final String MARKET_REGULATION = "market-regulation";
    public static final String REAL_ESTATE = "real-estate";
    /** The payment instruction: breaker and bulkhead, no retry. */
    public static final String BANK_PAYMENT = "bank-payment";
    /** The bank's status and statement queries. */
    public static final String BANK_QUERY = "bank-query";

    @Bean
    IdentityVerificationClient identityVerificationClient(DepartmentsProperties departments, RestClient.Builder builder,
                                                          CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                                          RetryRegistry retries) {
        return new IdentityVerificationClient(
                DepartmentHttp.create(Department.IDENTITY, builder, departments.baseUrl(), departments.identity()),
                DepartmentGuard.forQueries(Department.IDENTITY, IDENTITY, breakers, bulkheads, retries));
    }

    @Bean
    SocialSecurityClient socialSecurityClient(DepartmentsProperties departments, RestClient.Builder builder,
                                              CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                              RetryRegistry retries) {
        return new SocialSecurityClient(
                DepartmentHttp.create(Department.SOCIAL_SECURITY, builder, departments.baseUrl(), departments.socialSecurity()),
                DepartmentGuard.forQueries(Department.SOCIAL_SECURITY, SOCIAL_SECURITY, breakers, bulkheads, retries));
    }

    @Bean
    MarketRegulationClient marketRegulationClient(DepartmentsProperties departments, RestClient.Builder builder,
                                                  CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                                  RetryRegistry retries) {
        return new MarketRegulationClient(
                DepartmentHttp.create(Department.MARKET_REGULATION, builder, departments.baseUrl(), departments.marketRegulation()),
                DepartmentGuard.forQueries(Department.MARKET_REGULATION, MARKET_REGULATION, breakers, bulkheads, retries));
    }

    @Bean
    RealEstateRegistryClient realEstateRegistryClient(DepartmentsProperties departments, RestClient.Builder builder,
                                                      CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                                      RetryRegistry retries) {
        return new RealEstateRegistryClient(
                DepartmentHttp.create(Department.REAL_ESTATE, builder, departments.baseUrl(), departments.realEstate()),
                DepartmentGuard.forQueries(Department.REAL_ESTATE, REAL_ESTATE, breakers, bulkheads, retries));
    }

    @Bean
    BankSettlementClient bankSettlementClient(DepartmentsProperties departments, RestClient.Builder builder,
                                              CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                                              RetryRegistry retries) {
        return new BankSettlementClient(
                DepartmentHttp.create(Department.BANK, builder, departments.baseUrl(), departments.bank().timeouts()),
                DepartmentGuard.withoutRetry(Department.BANK, BANK_PAYMENT, breakers, bulkheads),
                DepartmentGuard.forQueries(Department.BANK, BANK_QUERY, breakers, bulkheads, retries));
    }
}
