package cn.tongban.platform.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.tongban.kit.catalogue.CatalogueDefinitions;
import cn.tongban.platform.deadline.DeadlineProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class ServiceCatalogueTest {

    private static final Map<String, Integer> LEGISLATED_LIMITS = Map.of("02", 3, "03", 3, "06", 7, "07", 3);

    private static CatalogueDefinitions withItem(String code) {
        CatalogueDefinitions definitions = new CatalogueDefinitions();
        definitions.setEnvironment(new MockEnvironment()
                .withProperty("tongban.catalogue.items[0].code", code)
                .withProperty("tongban.catalogue.items[0].name", "PLATFORM_TEST_ITEM_" + code)
                .withProperty("tongban.catalogue.items[0].chinese-name", "测试事项")
                .withProperty("tongban.catalogue.items[0].modes", "PROXY,JOINT"));
        definitions.postProcessBeanFactory(new DefaultListableBeanFactory());
        return definitions;
    }

    private static DeadlineProperties limits(Map<String, Integer> limits) {
        return new DeadlineProperties(limits, "classpath:calendar/cn-workday-calendar.yaml", Duration.ofSeconds(5), 500, Duration.ofMinutes(1));
    }

    @Test
    void theCatalogueIsTheEightItemsOfTheNoticeWithTheirTimeLimitsAndTheConfiguredOnes() {
        Map<String, Integer> limits = new java.util.HashMap<>(LEGISLATED_LIMITS);
        limits.put("70", 5);
        ServiceCatalogue catalogue = new ServiceCatalogue(limits(limits), withItem("70"));

        assertThat(catalogue.entries()).extracting(ServiceCatalogue.Entry::code)
                .containsExactly("01", "02", "03", "04", "05", "06", "07", "08", "70");
        assertThat(catalogue.entries().get(5).timeLimitWorkingDays()).isEqualTo(7);
        assertThat(catalogue.entries().get(0).timeLimitWorkingDays()).as("fully online: no clock").isNull();
        assertThat(catalogue.entries().get(8).legislated()).isFalse();
    }

    @Test
    void anItemRelayedWithoutATimeLimitStopsTheStart() {
        assertThatIllegalStateException().isThrownBy(() -> new ServiceCatalogue(limits(LEGISLATED_LIMITS), withItem("71")))
                .withMessageContaining("[71]");
        assertThatIllegalStateException().isThrownBy(() -> new ServiceCatalogue(limits(Map.of("02", 3)), new CatalogueDefinitions()))
                .withMessageContaining("03");
    }
}
