package cn.tongban.center.archive;

import static cn.tongban.center.archive.ArchiveFixture.CASE;
import static cn.tongban.center.archive.ArchiveFixture.LI;
import static cn.tongban.center.archive.ArchiveFixture.ZHANG;
import static cn.tongban.center.archive.ArchiveFixture.ZHANG_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.contracts.IdentityNumber;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Linking a manifest row, as a table: what the row names, what the center knows, what the link is. */
class ArchiveLinkPolicyTest {

    static final ArchiveTargets CENTER = new ArchiveTargets() {
        @Override
        public Optional<IdentityNumber> accountHolder(String accountNumber) {
            return ZHANG_ACCOUNT.equals(accountNumber) ? Optional.of(ZHANG) : Optional.empty();
        }

        @Override
        public Optional<String> accountOf(IdentityNumber identityNumber) {
            return ZHANG.equals(identityNumber) ? Optional.of(ZHANG_ACCOUNT) : Optional.empty();
        }

        @Override
        public boolean caseExists(String caseId) {
            return CASE.equals(caseId);
        }
    };

    static ArchiveLinkPolicy.Decision link(String account, String identity, String caseId) {
        return ArchiveLinkPolicy.link(account, identity, caseId, CENTER);
    }

    static ArchiveIssue issue(ArchiveLinkPolicy.Decision decision) {
        return ((ArchiveLinkPolicy.Unlinked) decision).issue();
    }

    @Test
    void linkedByAccountByIdentityByCaseOrByAccountAndCase() {
        assertThat(link(ZHANG_ACCOUNT, "", "")).isEqualTo(new ArchiveLinkPolicy.Linked(new ArchiveLink(ZHANG_ACCOUNT, null)));
        assertThat(link("", ZHANG.value(), "")).isEqualTo(new ArchiveLinkPolicy.Linked(new ArchiveLink(ZHANG_ACCOUNT, null)));
        assertThat(link("", "", CASE)).isEqualTo(new ArchiveLinkPolicy.Linked(new ArchiveLink(null, CASE)));
        assertThat(link(ZHANG_ACCOUNT, ZHANG.value(), CASE))
                .isEqualTo(new ArchiveLinkPolicy.Linked(new ArchiveLink(ZHANG_ACCOUNT, CASE)));
    }

    @Test
    void notLinkedAndWhy() {
        assertThat(issue(link("", "", ""))).isEqualTo(ArchiveIssue.NO_LINK);
        assertThat(issue(link("110000999999", "", ""))).isEqualTo(ArchiveIssue.UNKNOWN_ACCOUNT);
        assertThat(issue(link("", LI.value(), ""))).isEqualTo(ArchiveIssue.UNKNOWN_IDENTITY);
        assertThat(issue(link("", "1101051949", ""))).isEqualTo(ArchiveIssue.BAD_IDENTITY_NUMBER);
        assertThat(issue(link(ZHANG_ACCOUNT, LI.value(), ""))).isEqualTo(ArchiveIssue.ACCOUNT_IDENTITY_DISAGREE);
        assertThat(issue(link("", "", "110000-2026-1"))).isEqualTo(ArchiveIssue.BAD_CASE_ID);
        assertThat(issue(link(ZHANG_ACCOUNT, "", "110000-20261125-000999"))).isEqualTo(ArchiveIssue.UNKNOWN_CASE);
    }

    @Test
    void theReasonNeverRepeatsTheIdentityNumber() {
        ArchiveLinkPolicy.Unlinked disagree = (ArchiveLinkPolicy.Unlinked) link(ZHANG_ACCOUNT, LI.value(), "");
        ArchiveLinkPolicy.Unlinked unknown = (ArchiveLinkPolicy.Unlinked) link("", LI.value(), "");

        assertThat(disagree.detail()).doesNotContain(LI.value()).doesNotContain(ZHANG.value());
        assertThat(unknown.detail()).doesNotContain(LI.value());
    }
}
