package cn.tongban.center.certificate;

import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.ServiceItem;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A completion receipt of two-place joint handling (两地联办办结回执): what the center that decided and paid tells the
 * applicant and the other center once the case is done.
 *
 * @param caseId the cross-center case
 * @param item the service item handled, e.g. home-purchase withdrawal (item 06)
 * @param handlingCenter the center that decided, paid and issues this receipt
 * @param handlingCenterName its name as printed
 * @param requestingCenter the center where the applicant asked
 * @param applicantName 姓名
 * @param identityNumber printed masked: the receipt travels between centers
 * @param result what was done, e.g. 已核准购房提取并划入申请人银行账户
 * @param amount the amount paid, or null when no money moved
 * @param completedOn 办结日期
 * @param handler 经办人
 */
public record CompletionReceipt(String caseId, ServiceItem item, CenterCode handlingCenter, String handlingCenterName,
                                CenterCode requestingCenter, String applicantName, IdentityNumber identityNumber,
                                String result, Money amount, LocalDate completedOn, String handler) {

    public CompletionReceipt {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(handlingCenter, "handlingCenter");
        Objects.requireNonNull(handlingCenterName, "handlingCenterName");
        Objects.requireNonNull(requestingCenter, "requestingCenter");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(identityNumber, "identityNumber");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(completedOn, "completedOn");
    }
}
