package cn.tongban.center.department;

import cn.tongban.contracts.IdentityNumber;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Identity verification (身份核验) at the population register: {@code POST /identity/v1/verify}. A POST, but a
 * query: it changes nothing, so it is retried.
 */
public class IdentityVerificationClient {

    static final String PATH = "/identity/v1/verify";

    private final DepartmentHttp http;
    private final DepartmentGuard guard;

    public IdentityVerificationClient(DepartmentHttp http, DepartmentGuard guard) {
        this.http = Objects.requireNonNull(http, "http");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Whether {@code name} is the name registered for {@code identityNumber}.
     *
     * @param name as on the identity card, 1 to 50 characters
     * @throws DepartmentException when the register gives no usable answer
     */
    public IdentityCheck verify(IdentityNumber identityNumber, String name) {
        Objects.requireNonNull(identityNumber, "identityNumber");
        if (name == null || name.isBlank() || name.strip().length() > 50) {
            throw new IllegalArgumentException("a name has 1 to 50 characters");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identityNumber", identityNumber.value());
        body.put("name", name.strip());
        return guard.call(() -> http.post(answer -> read(answer, identityNumber), body, Map.of(), PATH));
    }

    private static IdentityCheck read(Answer answer, IdentityNumber asked) {
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("identityNumber", asked.value());
        String requestId = json.optionalText("requestId").orElse(null);
        return switch (json.text("result")) {
            case "MATCH" -> new IdentityCheck(asked, IdentityCheck.Result.MATCH, requestId);
            case "NO_MATCH" -> new IdentityCheck(asked, switch (json.optionalText("reason").orElse("")) {
                case "NAME_MISMATCH" -> IdentityCheck.Result.NAME_MISMATCH;
                case "IDENTITY_NOT_FOUND" -> IdentityCheck.Result.NOT_IN_REGISTER;
                default -> IdentityCheck.Result.NO_MATCH;
            }, requestId);
            default -> throw json.invalid("result");
        };
    }
}
