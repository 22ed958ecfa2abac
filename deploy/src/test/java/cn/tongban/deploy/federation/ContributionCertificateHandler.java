package cn.tongban.deploy.federation;

import cn.tongban.center.CenterProperties;
import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.catalogue.ItemAnswer;
import cn.tongban.center.catalogue.ItemHandler;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.item.ItemRequested;
import java.util.Map;
import java.util.Optional;

/**
 * The one class a ninth catalogue item needs at the center that handles it: a personal contribution certificate
 * (个人住房公积金缴存证明, item "09" in {@link NinthItemTest}), issued by the home center for a request from another
 * center's counter. Named in {@code tongban.catalogue.items[0].handler}; created as a bean, so it gets the account
 * store and the center's properties.
 */
public class ContributionCertificateHandler implements ItemHandler {

    private final AccountStore accounts;
    private final CenterProperties center;

    public ContributionCertificateHandler(AccountStore accounts, CenterProperties center) {
        this.accounts = accounts;
        this.center = center;
    }

    @Override
    public ServiceItem item() {
        return ServiceItem.ofCode("09");
    }

    @Override
    public ItemAnswer handle(ItemRequested request) {
        Optional<PersonalAccount> account = accounts.findByIdentityNumber(request.applicant().identityNumber());
        if (account.isEmpty()) {
            return new ItemAnswer.Refused("NO_SUCH_ACCOUNT", center.name() + "没有该申请人的住房公积金账户");
        }
        PersonalAccount found = account.get();
        return new ItemAnswer.Done(Map.of(
                "accountState", found.state().name(),
                "balance", found.balance().toString(),
                "paidUpTo", found.paidUpTo().map(Object::toString).orElse("无"),
                "purpose", request.form().getOrDefault("purpose", "")),
                "JCZM-" + center.code().value() + "-" + request.caseId().value());
    }
}
