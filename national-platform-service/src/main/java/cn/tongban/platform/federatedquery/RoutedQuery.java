package cn.tongban.platform.federatedquery;

import cn.tongban.contracts.CenterCode;
import java.time.Instant;
import java.util.List;

/**
 * A federated query as the platform routed it: who asked, which centers were asked and which skipped as
 * suspended, and which have answered. No identity number and no hash: what the platform needs to check that an
 * answer comes from a center that was asked and goes to the center that asked.
 *
 * @param id the query id (the asking center's serial number)
 */
record RoutedQuery(String id, CenterCode askingCenter, List<CenterCode> askedCenters,
                   List<CenterCode> suspendedCenters, List<CenterCode> answeredCenters, Instant askedAt) {

    static final String COLLECTION = "federated_queries";

    RoutedQuery {
        askedCenters = askedCenters == null ? List.of() : List.copyOf(askedCenters);
        suspendedCenters = suspendedCenters == null ? List.of() : List.copyOf(suspendedCenters);
        answeredCenters = answeredCenters == null ? List.of() : List.copyOf(answeredCenters);
    }
}
