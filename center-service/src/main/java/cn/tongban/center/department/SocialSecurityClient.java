package cn.tongban.center.department;

import cn.tongban.contracts.IdentityNumber;
import java.util.Objects;

/** The pension insurance record at social security (社保): {@code GET /social-security/v1/retirements/{identityNumber}}. */
public class SocialSecurityClient {

    static final String PATH = "/social-security/v1/retirements/{identityNumber}";

    private final DepartmentHttp http;
    private final DepartmentGuard guard;

    public SocialSecurityClient(DepartmentHttp http, DepartmentGuard guard) {
        this.http = Objects.requireNonNull(http, "http");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Whether and since when the person is retired.
     *
     * @throws DepartmentException when social security gives no usable answer
     */
    public RetirementRecord retirementOf(IdentityNumber identityNumber) {
        Objects.requireNonNull(identityNumber, "identityNumber");
        return guard.call(() -> http.get(answer -> read(answer, identityNumber), PATH, identityNumber.value()));
    }

    private static RetirementRecord read(Answer answer, IdentityNumber asked) {
        if (answer.isProblem(404, "PERSON_NOT_INSURED")) {
            return new RetirementRecord.NotInsured();
        }
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("identityNumber", asked.value());
        if (json.bool("retired")) {
            return new RetirementRecord.Retired(json.date("retirementDate"), json.optionalText("retirementType").orElse(null),
                    json.optionalText("pensionStatus").orElse(null));
        }
        return new RetirementRecord.NotRetired(json.text("insuranceStatus"));
    }
}
