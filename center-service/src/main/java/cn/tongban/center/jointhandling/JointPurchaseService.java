package cn.tongban.center.jointhandling;

import cn.tongban.center.catalogue.ItemCase;
import cn.tongban.center.catalogue.ItemCaseService;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.center.department.PurchaseQuery;
import cn.tongban.center.department.PurchaseVerification;
import cn.tongban.center.department.RealEstateRegistryClient;
import cn.tongban.center.policy.Buyer;
import cn.tongban.center.policy.HomeKind;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.joint.MaterialReference;
import cn.tongban.kit.web.ApiProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The purchase place's part of two-place joint handling (两地联办, item 06): the center where the home was bought
 * receives the application (counter or online), verifies the purchase with its real-estate registry (不动产登记), and
 * sends the joint request — the verified purchase, the amount, the card and the scanned materials' references — to
 * the center that holds the account. A purchase the registry does not confirm is refused here, before anything is
 * sent (422 with the registry's reason).
 */
@Service
public class JointPurchaseService {

    /** The registry does not hold the purchase, or not with this buyer. */
    public static final String PURCHASE_NOT_VERIFIED = "PURCHASE_NOT_VERIFIED";
    private static final Logger log = LoggerFactory.getLogger(JointPurchaseService.class);

    private final RealEstateRegistryClient registry;
    private final ItemCaseService items;

    JointPurchaseService(RealEstateRegistryClient registry, ItemCaseService items) {
        this.registry = registry;
        this.items = items;
    }

    /**
     * An application for a withdrawal from the account at {@code contributionCenter} for a home bought here.
     *
     * @param buyerIdentityNumber the buyer on the contract: the applicant, or their spouse etc. as {@code buyer} says
     * @param loanAmount all loans for the home, zero when none
     */
    public record Application(CenterCode contributionCenter, Applicant applicant, String contractNumber, Buyer buyer,
                              IdentityNumber buyerIdentityNumber, String buyerName, Money amount, Money loanAmount,
                              BankAccountNumber bankAccount, List<MaterialReference> materials, String receivedBy) {
    }

    public ItemCase apply(Application application, String traceparent) {
        PurchaseVerification verification = registry.verify(new PurchaseQuery(application.buyerIdentityNumber(),
                application.buyerName(), application.contractNumber()));
        if (verification instanceof PurchaseVerification.NotVerified not) {
            log.info("purchase {} not verified by the registry: {}", application.contractNumber(), not.reasonCode());
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, PURCHASE_NOT_VERIFIED,
                    not.reason() + "（" + not.reasonCode() + "）", List.of());
        }
        PurchaseVerification.Verified verified = (PurchaseVerification.Verified) verification;
        if (application.loanAmount().compareTo(verified.totalPrice()) > 0) {
            throw ApiProblem.invalidField("loanAmount", "the loans exceed the price in the contract, " + verified.totalPrice());
        }
        PurchaseWithdrawalForm form = new PurchaseWithdrawalForm(verified.contractNumber(), verified.registrationNumber(),
                "SECOND_HAND".equals(verified.transactionType()) ? HomeKind.SECOND_HAND : HomeKind.NEW,
                verified.contractSignedOn(), verified.registeredOn(), verified.totalPrice(), application.loanAmount(),
                application.buyer(), application.amount(), application.bankAccount());
        return items.submit(new ItemCaseService.Submission(ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT,
                application.contributionCenter(), application.applicant(), form.toForm(), application.materials(),
                application.receivedBy()), traceparent);
    }
}
