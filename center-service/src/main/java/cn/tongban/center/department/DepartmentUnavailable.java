package cn.tongban.center.department;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * The department could not be asked or did not answer: a timeout, a refused or broken connection, a server error,
 * its circuit breaker open or too many calls to it at once. Worth trying again later.
 *
 * <p>{@link #requestMayHaveArrived()} matters for calls that change something (a payment instruction): when false
 * the department certainly never saw the request; when true it may have acted on it, and only asking it tells.
 */
public final class DepartmentUnavailable extends DepartmentException {

    public static final String CODE = "DEPARTMENT_UNAVAILABLE";

    private final boolean requestMayHaveArrived;

    private DepartmentUnavailable(Department department, String reasonCode, String reason, boolean requestMayHaveArrived,
                                  Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, CODE, department, reasonCode, reason, cause);
        this.requestMayHaveArrived = requestMayHaveArrived;
    }

    /** No answer within the read timeout: the request went out and may have been acted on. */
    static DepartmentUnavailable timeout(Department department, Duration readTimeout, Throwable cause) {
        return new DepartmentUnavailable(department, "TIMEOUT", service(department) + "在 " + seconds(readTimeout)
                + "内没有应答，请稍后再试", true, cause);
    }

    /** No connection could be made: the request never left. */
    static DepartmentUnavailable connectionFailed(Department department, Throwable cause) {
        return new DepartmentUnavailable(department, "CONNECTION_FAILED", "无法连接" + service(department) + "，请稍后再试",
                false, cause);
    }

    /** The connection broke after the request was written. */
    static DepartmentUnavailable connectionBroken(Department department, Throwable cause) {
        return new DepartmentUnavailable(department, "CONNECTION_BROKEN", "与" + service(department) + "的连接中断，请稍后再试",
                true, cause);
    }

    /** A 5xx answer. */
    static DepartmentUnavailable serverError(Department department, int status) {
        return new DepartmentUnavailable(department, "SERVER_ERROR", service(department) + "出错（HTTP " + status
                + "），请稍后再试", true, null);
    }

    /** The circuit breaker is open after repeated failures: the call was not made. */
    static DepartmentUnavailable circuitOpen(Department department) {
        return new DepartmentUnavailable(department, "CIRCUIT_OPEN", service(department)
                + "近期多次无法访问，已暂停调用，请稍后再试", false, null);
    }

    /** The bulkhead is full: too many calls to the department at once; the call was not made. */
    static DepartmentUnavailable busy(Department department) {
        return new DepartmentUnavailable(department, "BUSY", service(department) + "调用繁忙，请稍后再试", false, null);
    }

    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " 秒" : String.format("%.1f 秒", millis / 1000.0);
    }
}
