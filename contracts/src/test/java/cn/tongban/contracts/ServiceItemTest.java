package cn.tongban.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ServiceItemTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theEightItemsOfTheNoticeAreTheCatalogueByDefault() {
        assertThat(Arrays.stream(ServiceItem.values()).filter(ServiceItem::isLegislated).map(ServiceItem::code))
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08");
        assertThat(ServiceItem.ofCode("06")).isSameAs(ServiceItem.HOME_PURCHASE_WITHDRAWAL);
        assertThat(ServiceItem.HOME_PURCHASE_WITHDRAWAL.modes()).containsExactly(HandlingMode.JOINT);
        assertThat(ServiceItem.RETIREMENT_WITHDRAWAL.modes()).containsExactlyInAnyOrder(HandlingMode.FULLY_ONLINE, HandlingMode.PROXY);
        assertThat(ServiceItem.valueOf("LOAN_REPAID_CERTIFICATE")).isSameAs(ServiceItem.LOAN_REPAID_CERTIFICATE);
    }

    @Test
    void anItemTravelsAsItsCode() {
        assertThat(JSON.writeValueAsString(ServiceItem.RETIREMENT_WITHDRAWAL)).isEqualTo("\"03\"");
        assertThat(JSON.readValue("\"07\"", ServiceItem.class)).isSameAs(ServiceItem.LOAN_REPAID_CERTIFICATE);
    }

    @Test
    void aNewItemIsAddedByDefiningItAndIsThenKnownByItsCode() {
        ServiceItem ninety = ServiceItem.define("90", "TEST_ITEM_NINETY", "测试事项", EnumSet.of(HandlingMode.PROXY));

        assertThat(ServiceItem.ofCode("90")).isSameAs(ninety);
        assertThat(ninety.isLegislated()).isFalse();
        assertThat(ServiceItem.values()).contains(ninety);
        assertThat(ServiceItem.define("90", "TEST_ITEM_NINETY", "测试事项", EnumSet.of(HandlingMode.PROXY)))
                .as("the same definition again, e.g. a second context in one JVM").isSameAs(ninety);
    }

    @Test
    void aCodeOrNameCannotBeTakenTwiceAndTheNoticeItemsCannotBeRedefined() {
        ServiceItem.define("91", "TEST_ITEM_NINETY_ONE", "测试事项", EnumSet.of(HandlingMode.JOINT));

        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceItem.define("91", "TEST_ITEM_NINETY_ONE", "别的名字", EnumSet.of(HandlingMode.JOINT)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceItem.define("92", "TEST_ITEM_NINETY_ONE", "测试事项", EnumSet.of(HandlingMode.JOINT)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceItem.define("06", "HOME_PURCHASE_WITHDRAWAL", "购房提取", EnumSet.of(HandlingMode.JOINT)));
        assertThatIllegalArgumentException().isThrownBy(() ->
                ServiceItem.define("9", "X", "x", EnumSet.of(HandlingMode.JOINT)));
        assertThatIllegalArgumentException().isThrownBy(() -> ServiceItem.ofCode("99"));
    }
}
