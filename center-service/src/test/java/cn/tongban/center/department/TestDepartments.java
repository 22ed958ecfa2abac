package cn.tongban.center.department;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.time.Duration;
import org.springframework.web.client.RestClient;

/**
 * Department clients for tests, against a WireMock base URL: short timeouts, a small breaker window, two attempts for
 * queries. The same exception classification as {@code center.yml}; fresh Resilience4j instances on every call, so
 * that no breaker state leaks from one test to the next.
 */
public final class TestDepartments {

    /** Read timeout of every test client: a stub delayed beyond it is a slow department. */
    // generous enough for a cold WireMock on a busy 2-core machine; the "slow" stubs wait three times as long
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
    /** The breaker opens once at least this many calls in its window, half of them failed. */
    public static final int BREAKER_WINDOW = 4;
    /** Attempts of a query, the first included. */
    public static final int QUERY_ATTEMPTS = 2;

    static final DepartmentsProperties.Timeouts TIMEOUTS = new DepartmentsProperties.Timeouts(Duration.ofSeconds(1), READ_TIMEOUT);

    private TestDepartments() {
    }

    public static DepartmentHttp http(Department department, String baseUrl) {
        return DepartmentHttp.create(department, RestClient.builder(), URI.create(baseUrl), TIMEOUTS);
    }

    public static DepartmentGuard queries(Department department) {
        return new DepartmentGuard(department, breaker(department.name() + "-query"), bulkhead(department.name() + "-query"),
                Retry.of(department.name() + "-query", RetryConfig.custom()
                        .maxAttempts(QUERY_ATTEMPTS)
                        .waitDuration(Duration.ofMillis(10))
                        .retryExceptions(DepartmentUnavailable.class)
                        .build()));
    }

    public static DepartmentGuard withoutRetry(Department department) {
        return new DepartmentGuard(department, breaker(department.name() + "-command"),
                bulkhead(department.name() + "-command"), null);
    }

    public static BankSettlementClient bank(String baseUrl) {
        return new BankSettlementClient(http(Department.BANK, baseUrl), withoutRetry(Department.BANK), queries(Department.BANK));
    }

    public static SocialSecurityClient socialSecurity(String baseUrl) {
        return new SocialSecurityClient(http(Department.SOCIAL_SECURITY, baseUrl), queries(Department.SOCIAL_SECURITY));
    }

    public static IdentityVerificationClient identity(String baseUrl) {
        return new IdentityVerificationClient(http(Department.IDENTITY, baseUrl), queries(Department.IDENTITY));
    }

    public static MarketRegulationClient marketRegulation(String baseUrl) {
        return new MarketRegulationClient(http(Department.MARKET_REGULATION, baseUrl), queries(Department.MARKET_REGULATION));
    }

    public static RealEstateRegistryClient realEstate(String baseUrl) {
        return new RealEstateRegistryClient(http(Department.REAL_ESTATE, baseUrl), queries(Department.REAL_ESTATE));
    }

    private static CircuitBreaker breaker(String name) {
        return CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(BREAKER_WINDOW)
                .minimumNumberOfCalls(BREAKER_WINDOW)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .recordExceptions(DepartmentUnavailable.class, DepartmentAnswerGarbled.class)
                .ignoreExceptions(DepartmentRefusedRequest.class)
                .build());
    }

    private static Bulkhead bulkhead(String name) {
        return Bulkhead.of(name, BulkheadConfig.custom().maxConcurrentCalls(10).maxWaitDuration(Duration.ofMillis(100)).build());
    }
}
