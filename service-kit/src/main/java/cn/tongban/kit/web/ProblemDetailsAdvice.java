package cn.tongban.kit.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every error of the REST API into problem details with a stable code. */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        return respond(ProblemWriter.problem(problem.status(), problem.code(), problem.getMessage(),
                request.getRequestURI(), problem.fields()));
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationDeniedException.class})
    ResponseEntity<ProblemDetail> denied(RuntimeException e, HttpServletRequest request) {
        return respond(ProblemWriter.problem(HttpStatus.FORBIDDEN, "FORBIDDEN", "Your role may not do this.",
                request.getRequestURI(), List.of()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<ApiProblem.FieldProblem> fields = e.getConstraintViolations().stream()
                .map(v -> new ApiProblem.FieldProblem(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(ProblemWriter.problem(HttpStatus.BAD_REQUEST, ProblemWriter.VALIDATION_FAILED,
                "The request has invalid fields.", request.getRequestURI(), fields));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; the error has been logged.", request.getRequestURI(), List.of()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<ApiProblem.FieldProblem> fields = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new ApiProblem.FieldProblem(error.getField(), error.getDefaultMessage()))
                .toList();
        return ResponseEntity.badRequest().body(ProblemWriter.problem(HttpStatus.BAD_REQUEST,
                ProblemWriter.VALIDATION_FAILED, "The request has invalid fields.", path(request), fields));
    }

    /**
     * An upload over {@code spring.servlet.multipart.max-file-size} or {@code max-request-size}: 413 with the
     * stable code {@code UPLOAD_TOO_LARGE}, never the container's HTML page. Set the container's
     * {@code server.tomcat.max-swallow-size} above the limit, or a client sending much more sees a reset connection
     * instead of this answer.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        String limit = e.getMaxUploadSize() > 0 ? " of " + e.getMaxUploadSize() + " bytes" : "";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(ProblemWriter.problem(HttpStatus.CONTENT_TOO_LARGE,
                "UPLOAD_TOO_LARGE", "The upload is larger than the limit" + limit + ".", path(request), List.of()));
    }

    /** Spring MVC's own errors (unreadable body, wrong method, missing parameter…) get a code too. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            HttpStatus resolved = HttpStatus.valueOf(status.value());
            String code = resolved.name();
            ProblemDetail coded = ProblemWriter.problem(resolved, code, problem.getDetail(), path(request), List.of());
            return new ResponseEntity<>(coded, headers, status);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : null;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
