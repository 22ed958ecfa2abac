package cn.tongban.center.department;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The clients against the local federation's department simulator (deploy/simulator, as the launcher serves it): every
 * ordinary answer and fixture there is one the clients understand.
 */
class SimulatorContractTest {

    static final Path SIMULATOR = simulator();

    static final IdentityNumber ZHANG = IdentityNumber.of("11010519491231002X");
    static final IdentityNumber OTHER_NAME = IdentityNumber.of("110101197001019993");
    static final IdentityNumber NEVER_INSURED = IdentityNumber.of("440105199505050012");

    @RegisterExtension
    static WireMockExtension simulator = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().usingFilesUnderDirectory(SIMULATOR.toString()))
            .build();

    @Test
    void identityVerification() {
        IdentityVerificationClient client = TestDepartments.identity(simulator.baseUrl());

        assertThat(client.verify(ZHANG, "张三").result()).isEqualTo(IdentityCheck.Result.MATCH);
        assertThat(client.verify(OTHER_NAME, "李四").result()).isEqualTo(IdentityCheck.Result.NAME_MISMATCH);
        assertThat(client.verify(NEVER_INSURED, "王五").result()).isEqualTo(IdentityCheck.Result.NOT_IN_REGISTER);
    }

    @Test
    void socialSecurity() {
        SocialSecurityClient client = TestDepartments.socialSecurity(simulator.baseUrl());

        assertThat(client.retirementOf(ZHANG).retirementDate()).contains(LocalDate.of(2009, 12, 31));
        assertThat(client.retirementOf(OTHER_NAME)).isEqualTo(new RetirementRecord.NotRetired("CONTRIBUTING"));
        assertThat(client.retirementOf(NEVER_INSURED)).isEqualTo(new RetirementRecord.NotInsured());
    }

    @Test
    void marketRegulation() {
        MarketRegulationClient client = TestDepartments.marketRegulation(simulator.baseUrl());

        assertThat(client.licence("91110108MA01A2B32G").orElseThrow().enterpriseName()).isEqualTo("北京海淀示例科技有限公司");
        assertThat(client.licence("91110108MA01A2B32G").orElseThrow().isInGoodStanding()).isTrue();
        assertThat(client.licence("91110108MA01A2B32G").orElseThrow().creditCodeProblem()).as("the demo codes are valid").isEmpty();
        assertThat(client.licence("91110105MA00XY912J").orElseThrow().status()).isEqualTo(BusinessLicence.Status.REVOKED);
        assertThat(client.licence("92440106MA5D0K1L25")).isEmpty();
    }

    @Test
    void realEstateRegistry() {
        RealEstateRegistryClient client = TestDepartments.realEstate(simulator.baseUrl());

        PurchaseVerification verified = client.verify(new PurchaseQuery(ZHANG, "张三", "WQ-2025-123456"));
        assertThat(verified).isInstanceOf(PurchaseVerification.Verified.class);
        assertThat(((PurchaseVerification.Verified) verified).totalPrice()).isEqualTo(Money.parse("2860000.00"));
        assertThat(client.verify(new PurchaseQuery(ZHANG, "张三", "WQ-2025-000000")))
                .isEqualTo(PurchaseVerification.NotVerified.of("NO_REGISTRATION_RECORD"));
        assertThat(client.verify(new PurchaseQuery(OTHER_NAME, "李四", "WQ-2025-123456")))
                .isEqualTo(PurchaseVerification.NotVerified.of("BUYER_MISMATCH"));
    }

    @Test
    void bankPayments() {
        BankSettlementClient client = TestDepartments.bank(simulator.baseUrl());
        InstructionId id = InstructionId.forWithdrawal("110000-20261125-000042");

        PaymentAnswer accepted = client.pay(new PaymentOrder(id, Money.parse("52000.00"),
                BankAccountNumber.of("6217000010001234567"), "张三", "住房公积金提取"));
        assertThat(accepted).isEqualTo(new PaymentAnswer.Accepted("BR" + id.value(), BankPaymentStatus.ACCEPTED, null));
        assertThat(client.pay(new PaymentOrder(id, Money.parse("52000.00"), BankAccountNumber.of("6222020000000000000"),
                "张三", "住房公积金提取"))).isInstanceOfSatisfying(PaymentAnswer.Rejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("PAYEE_ACCOUNT_CLOSED"));
        assertThat(client.pay(new PaymentOrder(id, Money.parse("5000000.01"), BankAccountNumber.of("6217000010001234567"),
                "张三", "住房公积金提取"))).isInstanceOfSatisfying(PaymentAnswer.Rejected.class,
                        rejected -> assertThat(rejected.code()).isEqualTo("AMOUNT_LIMIT_EXCEEDED"));

        assertThat(client.status(id)).isInstanceOfSatisfying(InstructionStatus.Known.class,
                known -> assertThat(known.status()).isEqualTo(BankPaymentStatus.SETTLED));
        assertThat(client.status(InstructionId.of("UNKNOWN-20261125-000001"))).isEqualTo(new InstructionStatus.NotFound());
    }

    @Test
    void bankStatements() {
        BankSettlementClient client = TestDepartments.bank(simulator.baseUrl());

        assertThat(client.statement(LocalDate.of(2026, 11, 25)).lines()).isEmpty();
        BankStatement fixture = client.statement(LocalDate.of(2025, 12, 31));
        assertThat(fixture.lines()).extracting(BankStatement.Line::status)
                .containsExactly(BankPaymentStatus.SETTLED, BankPaymentStatus.SETTLED, BankPaymentStatus.RETURNED);
        assertThat(fixture.lines().get(0).amount()).isEqualTo(Money.parse("12000.00"));
    }

    @Test
    void theSimulatorsRefusalsComeWithTheirCode() {
        DepartmentHttp http = TestDepartments.http(Department.SOCIAL_SECURITY, simulator.baseUrl());

        DepartmentRefusedRequest refused = catchThrowableOfType(() -> http.get(answer -> {
            throw answer.unexpected();
        }, "/social-security/v1/retirements/{id}", "12345"), DepartmentRefusedRequest.class);

        assertThat(refused.reasonCode()).isEqualTo("MALFORMED_IDENTITY_NUMBER");
        assertThat(refused.departmentStatus()).isEqualTo(400);
    }

    private static Path simulator() {
        for (Path candidate : new Path[] {Path.of("../deploy/simulator"), Path.of("deploy/simulator")}) {
            if (Files.isDirectory(candidate.resolve("mappings"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("deploy/simulator not found from " + Path.of("").toAbsolutePath());
    }
}
