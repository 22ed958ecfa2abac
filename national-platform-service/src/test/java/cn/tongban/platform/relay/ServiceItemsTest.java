package cn.tongban.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongban.contracts.CaseId;
import cn.tongban.contracts.CenterCode;
import cn.tongban.contracts.HandlingMode;
import cn.tongban.contracts.IdentityNumber;
import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.casefile.Applicant;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.kit.messaging.MalformedEventException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceItemsTest {

    private static ItemRequested request(ServiceItem item, HandlingMode mode) {
        return new ItemRequested(CaseId.of("310000-20261125-000043"), item, mode, CenterCode.of("310000"),
                CenterCode.of("110000"), new Applicant(IdentityNumber.of("110105199003071239"), "张伟"),
                Map.of("bankAccount", "6222021001234567890"), List.of(), "SH-0731", Instant.parse("2026-11-25T02:15:30Z"));
    }

    @Test
    void anItemRequestOpensACaseOfItsItemInTheModeItNames() {
        ItemRequested joint = request(ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.JOINT);
        ItemRequested proxy = request(ServiceItem.RETIREMENT_WITHDRAWAL, HandlingMode.PROXY);

        assertThat(ServiceItems.itemOf(joint)).isSameAs(ServiceItem.HOME_PURCHASE_WITHDRAWAL);
        assertThat(ServiceItems.modeOf(joint)).isEqualTo(HandlingMode.JOINT);
        assertThat(ServiceItems.itemOf(proxy)).isSameAs(ServiceItem.RETIREMENT_WITHDRAWAL);
        assertThat(ServiceItems.modeOf(proxy)).isEqualTo(HandlingMode.PROXY);
    }

    @Test
    void aModeTheCatalogueDoesNotGiveTheItemOrFullyOnlineIsRefused() {
        assertThatThrownBy(() -> ServiceItems.itemOf(request(ServiceItem.HOME_PURCHASE_WITHDRAWAL, HandlingMode.PROXY)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("06");
        assertThatThrownBy(() -> ServiceItems.modeOf(request(ServiceItem.RETIREMENT_WITHDRAWAL, HandlingMode.FULLY_ONLINE)))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> ServiceItems.itemOf(request(ServiceItem.INFORMATION_QUERY, HandlingMode.PROXY)))
                .isInstanceOf(MalformedEventException.class);
    }
}
