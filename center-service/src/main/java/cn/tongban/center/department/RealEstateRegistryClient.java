package cn.tongban.center.department;

import cn.tongban.contracts.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Purchase verification at the real-estate registry (不动产登记): {@code POST /real-estate/v1/purchases/verify}. A POST,
 * but a query: it changes nothing, so it is retried.
 */
public class RealEstateRegistryClient {

    static final String PATH = "/real-estate/v1/purchases/verify";

    private final DepartmentHttp http;
    private final DepartmentGuard guard;

    public RealEstateRegistryClient(DepartmentHttp http, DepartmentGuard guard) {
        this.http = Objects.requireNonNull(http, "http");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /**
     * Whether the registry holds the purchase contract with the person as a buyer, and what it records about it.
     *
     * @throws DepartmentException when the registry gives no usable answer
     */
    public PurchaseVerification verify(PurchaseQuery query) {
        Objects.requireNonNull(query, "query");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("buyerIdentityNumber", query.buyerIdentityNumber().value());
        body.put("buyerName", query.buyerName());
        body.put("contractNumber", query.contractNumber());
        return guard.call(() -> http.post(answer -> read(answer, query), body, Map.of(), PATH));
    }

    private static PurchaseVerification read(Answer answer, PurchaseQuery query) {
        if (answer.status() != 200) {
            throw answer.unexpected();
        }
        JsonAnswer json = answer.json();
        json.expect("contractNumber", query.contractNumber());
        if (!json.bool("verified")) {
            return PurchaseVerification.NotVerified.of(json.text("reason"));
        }
        long priceFen = json.wholeNumber("totalPriceFen");
        if (priceFen <= 0) {
            throw json.invalid("totalPriceFen");
        }
        return new PurchaseVerification.Verified(query.contractNumber(), json.text("registrationNumber"),
                json.optionalText("transactionType").orElse(null), json.date("contractSignedOn"),
                json.optionalDate("registeredOn").orElse(null), Money.ofFen(priceFen),
                json.optionalDecimal("floorAreaSquareMetres").orElse(null),
                json.objects("buyers").stream().map(buyer -> new PurchaseVerification.RegisteredBuyer(
                        buyer.text("identityNumber"), buyer.text("name"), buyer.optionalText("share").orElse(null))).toList());
    }
}
