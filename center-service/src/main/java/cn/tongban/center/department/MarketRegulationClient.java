package cn.tongban.center.department;

import cn.tongban.contracts.CreditCode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The enterprise register of market regulation (市场监管), electronic business licences by unified social credit code:
 * {@code GET /market-regulation/v1/licences/{creditCode}}.
 */
public class MarketRegulationClient {

    static final String PATH = "/market-regulation/v1/licences/{creditCode}";
    private static final Pattern FORM = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}");

    private final DepartmentHttp http;
    private final DepartmentGuard guard;

    public MarketRegulationClient(DepartmentHttp http, DepartmentGuard guard) {
        this.http = Objects.requireNonNull(http, "http");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * The enterprise registered under {@code creditCode}, or empty when none is.
     *
     * @throws DepartmentException when the register gives no usable answer
     */
    public Optional<BusinessLicence> licence(CreditCode creditCode) {
        Objects.requireNonNull(creditCode, "creditCode");
        return licence(creditCode.value());
    }

    /**
     * The enterprise registered under a code that has the form of a unified social credit code but may fail its check
     * characters (codes of some early pilot areas do and are legal): the register decides whether it exists.
     *
     * @param creditCode 18 of 0-9 and A-Y without I, O, S, V, Z
     * @throws DepartmentException when the register gives no usable answer
     */
    public Optional<BusinessLicence> licence(String creditCode) {
        if (creditCode == null || !FORM.matcher(creditCode).matches()) {
            throw new IllegalArgumentException("a unified social credit code is 18 of 0-9 and A-Y without I, O, S, V, Z");
        }
        return guard.call(() -> http.get(answer -> read(answer, creditCode), PATH, creditCode));
    }

    private static Optional<BusinessLicence> read(Answer answer, String asked) {
        if (answer.isProblem(404, "LICENCE_NOT_FOUND")) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("creditCode", asked);
        JsonAnswer licence = json.has("electronicLicence") ? json.object("electronicLicence") : null;
        return Optional.of(new BusinessLicence(asked, json.text("enterpriseName"),
                json.optionalText("enterpriseType").orElse(null),
                json.optionalText("legalRepresentative").orElse(null),
                json.optionalDate("establishedOn").orElse(null),
                BusinessLicence.Status.of(json.text("status")),
                licence == null ? null : licence.optionalText("licenceId").orElse(null),
                licence != null && licence.bool("valid")));
    }
}
