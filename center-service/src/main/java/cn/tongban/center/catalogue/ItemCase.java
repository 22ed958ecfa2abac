package cn.tongban.center.catalogue;

import cn.tongban.center.crosscenter.CaseHistoryEntry;
import cn.tongban.center.crosscenter.CaseSide;
import cn.tongban.center.crosscenter.Rejection;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.casefile.CaseState;
import cn.tongban.contracts.joint.MaterialReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cross-center case of a catalogue item handled by the generic item flow (proxy or joint), kept in the same
 * {@code cases} collection and with the same common fields as every cross-center case here, so that the case list,
 * the platform's deadline notices and the delivery/acceptance/refusal steps treat it like any other.
 *
 * @param form the item's fields as requested
 * @param materials the scanned materials' references
 * @param result the handling center's result fields, once sent
 * @param receiptNumber the handling center's receipt, once sent
 * @param pending at the handling center: accepted, its outcome still open, to be taken up by the sweep
 * @param mailings the paper materials sent by mail for this case
 */
public record ItemCase(String id, ServiceItem item, HandlingMode mode, CaseSide side, CenterCode requestingCenter,
                       CenterCode handlingCenter, Applicant applicant, String clerk, CaseState state, Instant openedAt,
                       Instant updatedAt, List<CaseHistoryEntry> history, Map<String, String> form,
                       List<MaterialReference> materials, Map<String, String> result, String receiptNumber,
                       Rejection rejection, boolean pending, List<PaperMailing> mailings, Instant dueAt,
                       Instant breachedAt) {

    public ItemCase {
        history = history == null ? List.of() : List.copyOf(history);
        form = form == null ? Map.of() : Map.copyOf(form);
        materials = materials == null ? List.of() : List.copyOf(materials);
        result = result == null ? Map.of() : Map.copyOf(result);
        mailings = mailings == null ? List.of() : List.copyOf(mailings);
    }
}
