package cn.tongban.center.transfer;

import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.contracts.Money;
import cn.tongban.contracts.transfer.TransferOutFacts;
import cn.tongban.contracts.transfer.TransferredEntry;
import java.time.Instant;
import java.util.List;

/**
 * A transfer as staff and the person see it, with the national status code.
 *
 * @param side {@code IN} at the new center (转入地), {@code OUT} at the old one (转出地)
 * @param statusCode the national code (00, 01, 02, 05, 06, 08, 13, 40), {@code null} before the old center reviewed it
 */
public record TransferView(String id, String contactLetter, String side, String newCenter, String oldCenter,
                           String name, String maskedIdentityNumber, String state, String statusCode, String status,
                           String newAccountNumber, String oldAccountNumber, TransferOutFacts facts,
                           List<TransferredEntry> transferredHistory, String bankReference, Money creditedAmount,
                           Rejection rejection, String problem, Instant openedAt, Instant updatedAt, Instant dueAt,
                           Instant breachedAt, List<CaseHistoryEntry> history) {

    static TransferView of(TransferCase c) {
        return new TransferView(c.id(), c.contactLetter(), c.isNewCenter() ? "IN" : "OUT", c.requestingCenter().value(),
                c.handlingCenter().value(), c.applicant().name(), c.applicant().identityNumber().masked(), c.state().name(),
                c.status().code(), c.status().chinese(), c.newAccountNumber(), c.oldAccountNumber(), c.facts(),
                c.transferredHistory(), c.bankReference(), c.creditedAmount(), c.rejection(), c.problem(), c.openedAt(),
                c.updatedAt(), c.dueAt(), c.breachedAt(), c.history());
    }
}
