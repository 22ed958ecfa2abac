package cn.tongban.center.transfer;

import cn.tongban.center.account.AccountStore;
import cn.tongban.center.account.PersonalAccount;
import cn.tongban.center.ledger.LedgerEntry;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.transfer.ContactLetterNumber;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Transfer reconciliation (转移接续对账): per contact letter, what left the old center's ledger (外部转出) against
 * what entered the new center's (外部转入). Each center reads its own side from its own ledger and the other side as
 * the other center reported it in the transfer's events (the old center's facts, the new center's credit), so both
 * centers show the same line and any difference is visible at both.
 */
@Component
public class TransferReconciliation {

    private final TransferService transfers;
    private final AccountStore accounts;

    TransferReconciliation(TransferService transfers, AccountStore accounts) {
        this.transfers = transfers;
        this.accounts = accounts;
    }

    /**
     * One contact letter.
     *
     * @param side {@code OUT} at the old center, {@code IN} at the new one
     * @param out what the old center's ledger took (transfer-out entry), {@code null} while not posted
     * @param in what the new center's ledger took (transfer-in entry), {@code null} while not posted
     * @param balanced whether both are posted and equal; an open transfer (neither posted) is not a difference
     */
    public record Line(String contactLetter, String caseId, String side, String status, Money out, Money in,
                       boolean balanced, boolean difference) {
    }

    /** @param differences letters where out and in are both known and differ, or one side is posted and the case is over */
    public record Report(List<Line> lines, Money totalOut, Money totalIn, int differences) {
    }

    public Report report() {
        List<Line> lines = transfers.all().stream().map(this::line)
                .sorted(Comparator.comparing(Line::contactLetter)).toList();
        Money out = lines.stream().map(Line::out).filter(m -> m != null).reduce(Money.ZERO, Money::plus);
        Money in = lines.stream().map(Line::in).filter(m -> m != null).reduce(Money.ZERO, Money::plus);
        return new Report(lines, out, in, (int) lines.stream().filter(Line::difference).count());
    }

    public Optional<Line> of(String contactLetter) {
        return transfers.all().stream().filter(c -> c.contactLetter().equals(contactLetter)).findFirst().map(this::line);
    }

    private Line line(TransferCase transfer) {
        ContactLetterNumber letter = transfer.letter();
        Money out;
        Money in;
        if (transfer.isNewCenter()) {
            out = transfer.facts() == null ? null : transfer.facts().amount();
            in = posted(transfer.newAccountNumber(), TransferOut.inSerial(letter)).orElse(null);
        } else {
            out = posted(transfer.oldAccountNumber(), TransferOut.outSerial(letter)).map(m -> Money.ZERO.minus(m)).orElse(null);
            in = transfer.creditedAmount();
        }
        boolean balanced = out != null && in != null && out.equals(in);
        boolean over = transfer.state().isTerminal() || transfer.failed();
        boolean difference = out != null && in != null ? !out.equals(in) : over && (out != null || in != null);
        return new Line(letter.value(), transfer.id(), transfer.isNewCenter() ? "IN" : "OUT", transfer.status().code(),
                out, in, balanced, difference);
    }

    private Optional<Money> posted(String accountNumber, String serial) {
        if (accountNumber == null) {
            return Optional.empty();
        }
        return accounts.findByAccountNumber(accountNumber).flatMap(account -> entry(account, serial)).map(LedgerEntry::amount);
    }

    private static Optional<LedgerEntry> entry(PersonalAccount account, String serial) {
        return account.entries().stream().filter(e -> e.serialNumber().equals(serial)).findFirst();
    }
}
