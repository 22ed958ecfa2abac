package cn.tongban.center.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tongban.center.account.AccountState;
import cn.tongban.center.account.ContributionMonth;
import cn.tongban.center.account.LoanRecord;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.BusinessType;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.center.policy.Decision;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import cn.tongban.contracts.transfer.TransferOutFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The old center's check of the letter and the transfer-out facts it sends (转出信息). */
class TransferOutTest {

    static final IdentityNumber ZHOU = IdentityNumber.of("110105198803141237");
    static final Applicant APPLICANT = new Applicant(ZHOU, "周明");
    static final ContactLetterNumber LETTER = ContactLetterNumber.of("3100002611250001");
    static final Money MONTHLY = Money.parse("2880.00");

    /** An account paid every month from {@code first} to {@code last}, except {@code gaps}. */
    static PersonalAccount account(AccountState state, YearMonth first, YearMonth last, List<YearMonth> gaps,
                                   List<LoanRecord> loans, LedgerEntry... more) {
        List<ContributionMonth> paid = new ArrayList<>();
        List<LedgerEntry> entries = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            if (!gaps.contains(m)) {
                paid.add(new ContributionMonth(m, MONTHLY, false));
                entries.add(LedgerEntry.credit("HJ-" + m, m.atDay(15), BusinessType.REMITTANCE, MONTHLY));
            }
        }
        entries.addAll(List.of(more));
        return PersonalAccount.withLedger("GR03141237", ZHOU, "周明", "DW0001", "北京示例科技有限公司", first.atDay(1), state,
                Money.parse("12000.00"), new BigDecimal("12"), new BigDecimal("12"), paid, loans, null, entries);
    }

    @Test
    void theFactsCarryPrincipalPlusSettledInterestAndTheContributionRecord() {
        YearMonth first = YearMonth.of(2024, 11);
        YearMonth last = YearMonth.of(2026, 10);
        Money principal = Money.ofFen(MONTHLY.fen() * 24);
        Money interest = Money.parse("612.45");
        LoanRecord repaid = LoanRecord.legacy("JK-1", Money.parse("300000.00"), LocalDate.of(2025, 1, 1), 12, Money.ZERO, LocalDate.of(2026, 1, 1));
        PersonalAccount closed = account(AccountState.TRANSFERRED_OUT, first, last, List.of(), List.of(repaid),
                LedgerEntry.credit(TransferOut.interestSerial(LETTER), LocalDate.of(2026, 11, 25), BusinessType.INTEREST, interest),
                LedgerEntry.debit(TransferOut.outSerial(LETTER), LocalDate.of(2026, 11, 25), BusinessType.TRANSFER_OUT,
                        principal.plus(interest)));

        TransferOutFacts facts = TransferOut.facts(closed, LETTER, false);

        assertThat(facts.amount()).isEqualTo(principal.plus(interest));
        assertThat(facts.principal()).isEqualTo(principal);
        assertThat(facts.interest()).isEqualTo(interest);
        assertThat(facts.openedMonth()).isEqualTo(first);
        assertThat(facts.paidUpTo()).isEqualTo(last);
        assertThat(facts.lastSixMonthsContinuous()).isTrue();
        assertThat(facts.loansUsed()).isEqualTo(1);
        assertThat(facts.loanUnsettled()).isFalse();
        assertThat(closed.ledgerBalance()).isEqualTo(Money.ZERO);
    }

    @Test
    void aGapInTheSixMonthsBeforeThePaidUpToMonthIsNotContinuous() {
        YearMonth last = YearMonth.of(2026, 10);
        PersonalAccount gap = account(AccountState.NORMAL, YearMonth.of(2025, 1), last, List.of(last.minusMonths(5)), List.of());
        PersonalAccount gapBefore = account(AccountState.NORMAL, YearMonth.of(2025, 1), last, List.of(last.minusMonths(6)), List.of());

        assertThat(TransferOut.continuous(gap.contributions(), last)).isFalse();
        assertThat(TransferOut.continuous(gapBefore.contributions(), last)).isTrue();
        assertThat(TransferOut.continuous(List.of(), null)).isFalse();
    }

    @Test
    void aLetterForAnOpenAccountWithMoneyIsInOrder() {
        PersonalAccount open = account(AccountState.SEALED, YearMonth.of(2025, 1), YearMonth.of(2025, 12), List.of(), List.of());
        assertThat(TransferOutPolicy.check(Optional.of(open), APPLICANT).isApproved()).isTrue();
    }

    @Test
    void theOldCenterRefusesWhatItCannotTransferWithItsReason() {
        YearMonth first = YearMonth.of(2025, 1);
        YearMonth last = YearMonth.of(2025, 12);
        assertThat(refusal(Optional.empty(), APPLICANT)).isEqualTo(TransferOutPolicy.NO_ACCOUNT);
        assertThat(refusal(Optional.of(account(AccountState.NORMAL, first, last, List.of(), List.of())),
                new Applicant(ZHOU, "周敏"))).isEqualTo(TransferOutPolicy.NAME_MISMATCH);
        assertThat(refusal(Optional.of(account(AccountState.FROZEN, first, last, List.of(), List.of())), APPLICANT))
                .isEqualTo(TransferOutPolicy.ACCOUNT_FROZEN);
        assertThat(refusal(Optional.of(account(AccountState.WITHDRAWN_CLOSED, first, last, List.of(), List.of())), APPLICANT))
                .isEqualTo(TransferOutPolicy.ACCOUNT_CLOSED);
        assertThat(refusal(Optional.of(account(AccountState.NORMAL, first, first.minusMonths(1), List.of(), List.of())),
                APPLICANT)).isEqualTo(TransferOutPolicy.NOTHING_TO_TRANSFER);
    }

    private static String refusal(Optional<PersonalAccount> account, Applicant applicant) {
        Decision<PersonalAccount> decision = TransferOutPolicy.check(account, applicant);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected<PersonalAccount>) decision).reasonCode();
    }
}
