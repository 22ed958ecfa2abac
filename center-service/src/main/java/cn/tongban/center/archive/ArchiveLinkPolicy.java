package cn.tongban.center.archive;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.IdentityNumber;
import java.util.Optional;

/**
 * Links a manifest row to its account or case (档案关联规则): by account number, by identity number, or by case
 * id; when both an account number and an identity number are given they must name the same person. Returns the
 * link or the reason there is none.
 */
public final class ArchiveLinkPolicy {

    private ArchiveLinkPolicy() {
    }

    /** The outcome. */
    public sealed interface Decision permits Linked, Unlinked {
    }

    public record Linked(ArchiveLink link) implements Decision {
    }

    public record Unlinked(ArchiveIssue issue, String detail) implements Decision {
    }

    /** The row's link fields, stripped; empty strings for absent values. */
    public static Decision link(String accountNumber, String identityNumber, String caseId, ArchiveTargets targets) {
        if (accountNumber.isEmpty() && identityNumber.isEmpty() && caseId.isEmpty()) {
            return new Unlinked(ArchiveIssue.NO_LINK, "the row names no account number, identity number or case id");
        }
        String linkedCase = null;
        if (!caseId.isEmpty()) {
            try {
                CaseId.of(caseId);
            } catch (IllegalArgumentException e) {
                return new Unlinked(ArchiveIssue.BAD_CASE_ID, "case id " + caseId + ": " + e.getMessage());
            }
            if (!targets.caseExists(caseId)) {
                return new Unlinked(ArchiveIssue.UNKNOWN_CASE, "this center has no case " + caseId);
            }
            linkedCase = caseId;
        }
        String linkedAccount = null;
        if (!accountNumber.isEmpty()) {
            Optional<IdentityNumber> holder = targets.accountHolder(accountNumber);
            if (holder.isEmpty()) {
                return new Unlinked(ArchiveIssue.UNKNOWN_ACCOUNT, "this center has no account " + accountNumber);
            }
            if (!identityNumber.isEmpty() && !holder.get().value().equalsIgnoreCase(identityNumber)) {
                return new Unlinked(ArchiveIssue.ACCOUNT_IDENTITY_DISAGREE, "account " + accountNumber
                        + " belongs to another person than the identity number of the row");
            }
            linkedAccount = accountNumber;
        }
        if (linkedAccount == null && !identityNumber.isEmpty()) {
            Optional<String> problem = IdentityNumber.problemWith(identityNumber);
            if (problem.isPresent()) {
                return new Unlinked(ArchiveIssue.BAD_IDENTITY_NUMBER, "the identity number: " + problem.get());
            }
            Optional<String> account = targets.accountOf(IdentityNumber.of(identityNumber));
            if (account.isEmpty()) {
                return new Unlinked(ArchiveIssue.UNKNOWN_IDENTITY, "no account of this center belongs to the identity"
                        + " number of the row");
            }
            linkedAccount = account.get();
        }
        return new Linked(new ArchiveLink(linkedAccount, linkedCase));
    }
}
