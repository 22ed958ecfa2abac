package cn.tongban.center.catalogue;

import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.center.department.BankAccountNumber;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.joint.MaterialReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An item case as the REST API shows it: the identity number and any bank account masked. */
public record ItemCaseView(String id, String item, String itemName, String mode, String side, String requestingCenter,
                           String handlingCenter, String applicantName, String applicantIdentityNumber, CaseState state,
                           Instant openedAt, Instant updatedAt, List<CaseHistoryEntry> history, Map<String, String> form,
                           List<MaterialReference> materials, Map<String, String> result, String receiptNumber,
                           Rejection rejection, boolean pending, List<PaperMailing> mailings, Instant dueAt,
                           Instant breachedAt) {

    /** Form fields that hold a bank account (收款账号): shown masked. */
    static final String BANK_ACCOUNT = "bankAccount";

    public static ItemCaseView of(ItemCase c) {
        return new ItemCaseView(c.id(), c.item().code(), c.item().chineseName(), c.mode().name(), c.side().name(),
                c.requestingCenter().value(), c.handlingCenter().value(), c.applicant().name(),
                c.applicant().identityNumber().masked(), c.state(), c.openedAt(), c.updatedAt(), c.history(),
                masked(c.form()), c.materials(), masked(c.result()), c.receiptNumber(), c.rejection(), c.pending(),
                c.mailings(), c.dueAt(), c.breachedAt());
    }

    private static Map<String, String> masked(Map<String, String> fields) {
        Map<String, String> shown = new TreeMap<>(fields);
        shown.computeIfPresent(BANK_ACCOUNT, (key, value) -> {
            try {
                return BankAccountNumber.of(value).masked();
            } catch (IllegalArgumentException e) {
                return "****";
            }
        });
        return shown;
    }
}
