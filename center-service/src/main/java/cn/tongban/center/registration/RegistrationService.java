package cn.tongban.center.registration;

import cn.tongban.center.department.BusinessLicence;
import cn.tongban.center.department.MarketRegulationClient;
import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.ContributionChangePolicy;
import cn.tongban.center.policy.ContributionRules;
import cn.tongban.center.policy.PolicyVersion;
import cn.tongban.kit.web.ApiProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Employer registration and account opening (单位登记开户, item 04), fully online. The electronic business licence is
 * checked with the market-regulation register instead of a scanned licence; the rates against the center's policy; a
 * new unit account number is center code + an 8-digit sequence from an atomic counter. Every case is kept with its
 * state history, refusals included.
 *
 * <p>Refusals are 422 problem details with a reason code: {@value #RATE_POLICY_MISSING},
 * {@value ContributionChangePolicy#UNIT_RATE_OUT_OF_RANGE}, {@value ContributionChangePolicy#PERSONAL_RATE_OUT_OF_RANGE},
 * {@value #LICENCE_NOT_FOUND}, {@value #LICENCE_NOT_ACTIVE}, {@value #ELECTRONIC_LICENCE_INVALID},
 * {@value #NAME_MISMATCH}; a credit code already registered is 409 {@value #ALREADY_REGISTERED}.
 */
@Service
public class RegistrationService {

    public static final String MANUAL_REVIEW = "MANUAL_REVIEW";
    public static final String RATE_POLICY_MISSING = "NO_POLICY_IN_FORCE";
    public static final String LICENCE_NOT_FOUND = "LICENCE_NOT_FOUND";
    public static final String LICENCE_NOT_ACTIVE = "LICENCE_NOT_ACTIVE";
    public static final String ELECTRONIC_LICENCE_INVALID = "ELECTRONIC_LICENCE_INVALID";
    public static final String NAME_MISMATCH = "NAME_MISMATCH";
    public static final String ALREADY_REGISTERED = "EMPLOYER_ALREADY_REGISTERED";
    /** The same one-form record is being processed by another request at this moment (409). */
    public static final String CASE_IN_PROGRESS = "CASE_IN_PROGRESS";

    static final String SYSTEM = "system";
    static final String CONCURRENT_CHANGE = "CONCURRENT_CHANGE";
    private static final int ACCOUNT_NUMBER_ATTEMPTS = 20;

    private final RegistrationStore store;
    private final MarketRegulationClient marketRegulation;
    private final CenterPolicy policy;
    private final Clock clock;

    public RegistrationService(RegistrationStore store, MarketRegulationClient marketRegulation, CenterPolicy policy,
                               Clock clock) {
        this.store = store;
        this.marketRegulation = marketRegulation;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Registers an employer filled in online or at the counter.
     *
     * @return the OPENED case
     * @throws ApiProblem 422 when refused, 409 when the credit code is already registered, 503/502 when the register
     *         gave no usable answer (the case then stays SUBMITTED)
     */
    public RegistrationCase register(EmployerApplication application, String by) {
        String creditCode = application.creditCode().trim().toUpperCase();
        if (store.employerExists(creditCode)) {
            throw alreadyRegistered(creditCode);
        }
        RegistrationCase submitted = RegistrationCase.submitted("RC-" + UUID.randomUUID(), Channel.ONLINE, application,
                null, by, clock.instant());
        store.insert(submitted);
        return process(submitted);
    }

    /** The result of a one-form intake: the case, and whether this call created it. */
    public record Intake(RegistrationCase registrationCase, boolean created) {
    }

    /**
     * Registers an enterprise from its start-up-platform record (一表填报), idempotent on the credit code: once an account
     * is open for it, every later record answers with that case; the same record twice is one case with one result (a
     * case left SUBMITTED or LICENCE_VERIFIED by a department outage is taken up again).
     */
    public Intake registerOneForm(OneFormRecord record, String by) {
        String creditCode = record.creditCode().trim().toUpperCase();
        Optional<RegistrationCase> opened = store.latest(creditCode, Channel.ONE_FORM, RegistrationState.OPENED);
        if (opened.isPresent()) {
            return new Intake(opened.get(), false);
        }
        String id = "OF-" + creditCode + "-" + record.fingerprint();
        RegistrationCase submitted = RegistrationCase.submitted(id, Channel.ONE_FORM, record.toApplication(),
                record.establishedOn(), by, clock.instant());
        boolean created = store.insert(submitted);
        RegistrationCase current = created ? submitted : store.find(id).orElseThrow();
        if (current.state() == RegistrationState.REJECTED) {
            throw refusal(current);
        }
        if (current.state() == RegistrationState.OPENED) {
            return new Intake(current, false);
        }
        if (created && store.employerExists(creditCode)) {
            RegistrationCase rejected = reject(current, ALREADY_REGISTERED,
                    "统一社会信用代码 " + creditCode + " 已登记单位账户");
            throw refusal(rejected);
        }
        try {
            return new Intake(process(current), created);
        } catch (ApiProblem problem) {
            if (!CONCURRENT_CHANGE.equals(problem.code())) {
                throw problem;
            }
            // the same record is being processed by another request right now: answer with where that stands
            RegistrationCase now = store.find(id).orElseThrow();
            if (now.state() == RegistrationState.OPENED) {
                return new Intake(now, created);
            }
            if (now.state() == RegistrationState.REJECTED) {
                throw refusal(now);
            }
            throw ApiProblem.conflict(CASE_IN_PROGRESS, "登记案件 " + id + " 正在办理，请稍后查询");
        }
    }

    public Optional<RegistrationCase> registrationCase(String id) {
        return store.find(id);
    }

    public Optional<RegisteredEmployer> employer(String accountNumber) {
        return store.employer(accountNumber);
    }

    private RegistrationCase process(RegistrationCase registrationCase) {
        RegistrationCase current = registrationCase;
        if (current.state() == RegistrationState.SUBMITTED) {
            current = verify(current);
        }
        if (current.state() == RegistrationState.LICENCE_VERIFIED) {
            current = open(current);
        }
        if (current.state() == RegistrationState.REJECTED) {
            throw refusal(current);
        }
        return current;
    }

    private RegistrationCase verify(RegistrationCase c) {
        Optional<String> rateProblem = rateProblem(c);
        if (rateProblem.isPresent()) {
            String[] codeAndReason = rateProblem.get().split("\n", 2);
            return reject(c, codeAndReason[0], codeAndReason[1]);
        }
        Optional<BusinessLicence> found = marketRegulation.licence(c.creditCode());
        if (found.isEmpty()) {
            return reject(c, LICENCE_NOT_FOUND, "市场监管部门无统一社会信用代码为 " + c.creditCode() + " 的市场主体登记");
        }
        BusinessLicence licence = found.get();
        if (licence.status() != BusinessLicence.Status.ACTIVE) {
            return reject(c, LICENCE_NOT_ACTIVE, "该市场主体登记状态为" + licence.status().chinese() + "，不能开立单位账户");
        }
        if (!licence.licenceValid()) {
            return reject(c, ELECTRONIC_LICENCE_INVALID, "电子营业执照未通过市场监管部门的有效性核验");
        }
        if (!sameName(licence.enterpriseName(), c.name())) {
            return reject(c, NAME_MISMATCH, "单位名称「" + c.name() + "」与电子营业执照上的名称「" + licence.enterpriseName()
                    + "」不一致");
        }
        List<ReviewFlag> flags = new ArrayList<>(c.reviewFlags());
        licence.creditCodeProblem().ifPresent(problem -> flags.add(new ReviewFlag(MANUAL_REVIEW,
                "统一社会信用代码未通过校验（" + problem + "），但市场监管部门有登记：请人工复核")));
        Update also = new Update().set("reviewFlags", flags.stream().map(RegistrationService::flagDocument).toList());
        if (c.establishedOn() == null && licence.establishedOn() != null) {
            also.set("establishedOn", licence.establishedOn());
        }
        return moved(c, RegistrationState.SUBMITTED, step(RegistrationState.LICENCE_VERIFIED, null, null), also);
    }

    private RegistrationCase open(RegistrationCase c) {
        String center = policy.center().value();
        for (int attempt = 0; attempt < ACCOUNT_NUMBER_ATTEMPTS; attempt++) {
            String accountNumber = center + String.format("%08d", store.nextSequence(center));
            RegisteredEmployer employer = new RegisteredEmployer(accountNumber, c.creditCode(), c.name(), c.unitRate(),
                    c.personalRate(), c.bankAccount(), c.legalRepresentative(), c.address(), c.contactName(),
                    c.contactPhone(), c.establishedOn(), RegisteredEmployer.NORMAL, c.reviewFlags(),
                    LocalDate.now(clock), c.id());
            try {
                store.insertEmployer(employer);
            } catch (DuplicateKeyException e) {
                Optional<String> openedBy = store.openingCase(c.creditCode());
                if (openedBy.isPresent() && openedBy.get().equals(c.id())) {
                    // another request for this very case inserted the employer a moment ago and is finishing it
                    throw ApiProblem.conflict(CONCURRENT_CHANGE, "登记案件 " + c.id() + " 正在办理，请稍后查询");
                }
                if (store.employerExists(c.creditCode())) {
                    return alreadyOpened(c);
                }
                if (store.accountNumberTaken(accountNumber)) {
                    continue; // a number given out before this counter (e.g. by a data import): take the next one
                }
                throw e;
            }
            return moved(c, RegistrationState.LICENCE_VERIFIED, step(RegistrationState.OPENED, null, null),
                    new Update().set("accountNumber", accountNumber));
        }
        throw new IllegalStateException("no free unit account number after " + ACCOUNT_NUMBER_ATTEMPTS + " attempts");
    }

    /** Another case opened the account for this credit code meanwhile. */
    private RegistrationCase alreadyOpened(RegistrationCase c) {
        if (c.channel() == Channel.ONE_FORM) {
            Optional<RegistrationCase> opened = store.latest(c.creditCode(), Channel.ONE_FORM, RegistrationState.OPENED);
            if (opened.isPresent()) {
                reject(c, ALREADY_REGISTERED, "同一企业开办记录已由案件 " + opened.get().id() + " 开户");
                return opened.get();
            }
        }
        return reject(c, ALREADY_REGISTERED, "统一社会信用代码 " + c.creditCode() + " 已登记单位账户");
    }

    private Optional<String> rateProblem(RegistrationCase c) {
        Optional<PolicyVersion> version = policy.versionOn(LocalDate.now(clock));
        if (version.isEmpty()) {
            return Optional.of(RATE_POLICY_MISSING + "\n" + policy.name() + "尚无适用的缴存政策");
        }
        ContributionRules rules = version.get().contribution();
        if (!rules.unitRate().contains(c.unitRate())) {
            return Optional.of(ContributionChangePolicy.UNIT_RATE_OUT_OF_RANGE + "\n单位缴存比例 "
                    + c.unitRate().toPlainString() + "% 不在" + policy.name() + "规定的 " + rules.unitRate() + " 范围内");
        }
        if (!rules.personalRate().contains(c.personalRate())) {
            return Optional.of(ContributionChangePolicy.PERSONAL_RATE_OUT_OF_RANGE + "\n个人缴存比例 "
                    + c.personalRate().toPlainString() + "% 不在" + policy.name() + "规定的 " + rules.personalRate()
                    + " 范围内");
        }
        return Optional.empty();
    }

    /** Names compared as the register writes them: blanks ignored, full- and half-width brackets alike. */
    static boolean sameName(String registered, String declared) {
        return normalise(registered).equals(normalise(declared));
    }

    private static String normalise(String name) {
        return name.replaceAll("[\\s\\u3000]+", "").replace('（', '(').replace('）', ')');
    }

    private RegistrationCase reject(RegistrationCase c, String code, String reason) {
        return moved(c, c.state(), step(RegistrationState.REJECTED, code, reason), new Update());
    }

    private RegistrationCase moved(RegistrationCase c, RegistrationState from, StateChange step, Update also) {
        return store.move(c.id(), from, step, also).orElseThrow(() -> ApiProblem.conflict(CONCURRENT_CHANGE,
                "registration case " + c.id() + " changed meanwhile; look at it again"));
    }

    private StateChange step(RegistrationState state, String code, String reason) {
        return new StateChange(state, clock.instant(), SYSTEM, code, reason);
    }

    private static org.bson.Document flagDocument(ReviewFlag flag) {
        return new org.bson.Document("code", flag.code()).append("reason", flag.reason());
    }

    private static ApiProblem alreadyRegistered(String creditCode) {
        return ApiProblem.conflict(ALREADY_REGISTERED, "统一社会信用代码 " + creditCode + " 已登记单位账户");
    }

    static ApiProblem refusal(RegistrationCase rejected) {
        String detail = rejected.reason() + "（登记案件 " + rejected.id() + "）";
        if (ALREADY_REGISTERED.equals(rejected.reasonCode())) {
            return ApiProblem.conflict(ALREADY_REGISTERED, detail);
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, rejected.reasonCode(), detail, List.of());
    }
}
