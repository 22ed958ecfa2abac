package cn.tongban.center.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.tongban.contracts.ServiceItem;
import cn.tongban.contracts.item.ItemRequested;
import cn.tongban.kit.catalogue.CatalogueDefinitions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

class ItemHandlersTest {

    /** A configured item's handler, as an operator would name it in the configuration. */
    public static class EightyHandler implements ItemHandler {
        @Override
        public ServiceItem item() {
            return ServiceItem.ofCode("80");
        }

        @Override
        public ItemAnswer handle(ItemRequested request) {
            return ItemAnswer.done(Map.of("ok", "yes"), "R-" + request.caseId().value());
        }
    }

    private static ItemHandler handlerOf(ServiceItem item) {
        return new ItemHandler() {
            @Override
            public ServiceItem item() {
                return item;
            }

            @Override
            public ItemAnswer handle(ItemRequested request) {
                return ItemAnswer.pending("not yet");
            }
        };
    }

    private static CatalogueDefinitions configured(String code, String handler) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("tongban.catalogue.items[0].code", code)
                .withProperty("tongban.catalogue.items[0].name", "TEST_ITEM_" + code)
                .withProperty("tongban.catalogue.items[0].chinese-name", "测试事项")
                .withProperty("tongban.catalogue.items[0].modes", "PROXY")
                .withProperty("tongban.catalogue.items[0].handler", handler);
        CatalogueDefinitions definitions = new CatalogueDefinitions();
        definitions.setEnvironment(environment);
        definitions.postProcessBeanFactory(new DefaultListableBeanFactory());
        return definitions;
    }

    @Test
    void aConfiguredItemIsHandledByTheClassItsEntryNamesBesideTheLegislatedItemsBeans() {
        ItemHandler retirement = handlerOf(ServiceItem.RETIREMENT_WITHDRAWAL);
        ItemHandlers handlers = new ItemHandlers(List.of(retirement), configured("80", EightyHandler.class.getName()),
                new DefaultListableBeanFactory());

        assertThat(handlers.of(ServiceItem.RETIREMENT_WITHDRAWAL)).containsSame(retirement);
        assertThat(handlers.of(ServiceItem.ofCode("80"))).get().isInstanceOf(EightyHandler.class);
        assertThat(handlers.of(ServiceItem.HOME_PURCHASE_WITHDRAWAL)).isEmpty();
    }

    @Test
    void twoHandlersForOneItemOrAHandlerOfAnotherItemStopTheStart() {
        configured("80", EightyHandler.class.getName());
        CatalogueDefinitions none = new CatalogueDefinitions();
        assertThatIllegalStateException().isThrownBy(() -> new ItemHandlers(List.of(handlerOf(ServiceItem.RETIREMENT_WITHDRAWAL),
                handlerOf(ServiceItem.RETIREMENT_WITHDRAWAL)), none, new DefaultListableBeanFactory())).withMessageContaining("two handlers");
        assertThatIllegalStateException().isThrownBy(() -> new ItemHandlers(List.of(),
                configured("81", EightyHandler.class.getName()), new DefaultListableBeanFactory())).withMessageContaining("not item 81");
        assertThatIllegalStateException().isThrownBy(() -> new ItemHandlers(List.of(),
                configured("82", "cn.tongban.NoSuchHandler"), new DefaultListableBeanFactory())).withMessageContaining("no handler class");
    }
}
