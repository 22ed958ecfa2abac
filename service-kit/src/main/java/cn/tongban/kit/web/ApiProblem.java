package cn.tongban.kit.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A refusal the API explains to its caller as RFC 9457 problem details, with a stable code clients can
 * rely on and, for bad input, the fields at fault.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final List<FieldProblem> fields;

    public ApiProblem(HttpStatus status, String code, String detail, List<FieldProblem> fields) {
        super(detail);
        this.status = status;
        this.code = code;
        this.fields = List.copyOf(fields);
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail, List.of());
    }

    /** Bad input in one field. */
    public static ApiProblem invalidField(String field, String reason) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, ProblemWriter.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldProblem(field, reason)));
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, detail, List.of());
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail, List.of());
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> fields() {
        return fields;
    }

    /** One field at fault and why. */
    public record FieldProblem(String field, String reason) {
    }
}
