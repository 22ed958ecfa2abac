package cn.tongban.center.department;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every call to one department endpoint passes: a bulkhead (so a slow department cannot take all threads), a
 * circuit breaker (so a failing one is not hammered and its callers fail fast) and, for idempotent queries only, a
 * retry around both. The order is Resilience4j's usual one, retry outside the breaker: an open breaker is not retried.
 * An open breaker and a full bulkhead become {@link DepartmentUnavailable} with a reason.
 *
 * <p>The instances are Resilience4j's, configured in {@code center.yml} under the endpoint's name; a name that is
 * not configured there is an error at start-up, not a silent default.
 */
public final class DepartmentGuard {

    private final Department department;
    private final CircuitBreaker breaker;
    private final Bulkhead bulkhead;
    private final Retry retry;

    /**
     * @param retry null for a call that must not be repeated (a payment instruction)
     */
    public DepartmentGuard(Department department, CircuitBreaker breaker, Bulkhead bulkhead, Retry retry) {
        this.department = Objects.requireNonNull(department, "department");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
        this.bulkhead = Objects.requireNonNull(bulkhead, "bulkhead");
        this.retry = retry;
    }

    /** An idempotent query endpoint: breaker, bulkhead and retry, all named {@code instance}. */
    public static DepartmentGuard forQueries(Department department, String instance, CircuitBreakerRegistry breakers,
                                             BulkheadRegistry bulkheads, RetryRegistry retries) {
        return new DepartmentGuard(department, configured(breakers.find(instance), "circuitbreaker", instance),
                configured(bulkheads.find(instance), "bulkhead", instance),
                configured(retries.find(instance), "retry", instance));
    }

    /** An endpoint that changes something at the department: breaker and bulkhead, never a retry. */
    public static DepartmentGuard withoutRetry(Department department, String instance, CircuitBreakerRegistry breakers,
                                               BulkheadRegistry bulkheads) {
        return new DepartmentGuard(department, configured(breakers.find(instance), "circuitbreaker", instance),
                configured(bulkheads.find(instance), "bulkhead", instance), null);
    }

    /**
     * Runs {@code call} under the guard. The call throws {@link DepartmentException}s for what went wrong; the
     * configuration decides which of them the breaker counts and the retry repeats.
     *
     * @throws DepartmentUnavailable also when the breaker is open or the bulkhead full
     */
    public <T> T call(Supplier<T> call) {
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breaker, Bulkhead.decorateSupplier(bulkhead, call));
        if (retry != null) {
            guarded = Retry.decorateSupplier(retry, guarded);
        }
        try {
            return guarded.get();
        } catch (CallNotPermittedException e) {
            throw DepartmentUnavailable.circuitOpen(department);
        } catch (BulkheadFullException e) {
            throw DepartmentUnavailable.busy(department);
        }
    }

    public Department department() {
        return department;
    }

    public boolean retries() {
        return retry != null;
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    private static <T> T configured(Optional<T> instance, String kind, String name) {
        return instance.orElseThrow(() -> new IllegalStateException("resilience4j." + kind + ".instances." + name
                + " is not configured (center.yml)"));
    }
}
