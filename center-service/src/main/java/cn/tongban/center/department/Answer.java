package cn.tongban.center.department;

import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP answer of a department, read by the client that asked. */
final class Answer {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Department department;
    private final int status;
    private final byte[] body;

    Answer(Department department, int status, byte[] body) {
        this.department = department;
        this.status = status;
        this.body = body;
    }

    int status() {
        return status;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body as a JSON object. */
    JsonAnswer json() {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw DepartmentAnswerGarbled.notJson(department, e);
        }
        if (node == null || !node.isObject()) {
            throw DepartmentAnswerGarbled.notJson(department, null);
        }
        return new JsonAnswer(department, node, "");
    }

    /** The {@code code} of an RFC 9457 problem body, when there is one. */
    Optional<String> problemCode() {
        return problemField("code");
    }

    /** Whether this is a {@code status} answer with the problem code {@code code}. */
    boolean isProblem(int status, String code) {
        return this.status == status && problemCode().filter(code::equals).isPresent();
    }

    /** What an answer the API does not define for this call means: 5xx unavailable, 4xx refused, else garbled. */
    DepartmentException unexpected() {
        if (status >= 500) {
            return DepartmentUnavailable.serverError(department, status);
        }
        if (status >= 400) {
            return new DepartmentRefusedRequest(department, status, problemCode().orElse("HTTP_" + status),
                    problemField("detail").orElse(null));
        }
        return DepartmentAnswerGarbled.unexpectedStatus(department, status);
    }

    Optional<String> problemField(String field) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.path(field).isString() ? Optional.of(node.path(field).stringValue()) : Optional.empty();
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }
}
