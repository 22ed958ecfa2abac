package cn.tongban.kit.catalogue;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Adds the configured items ({@code tongban.catalogue.items}) to the catalogue before any bean is created, so that
 * every bean — the deadline configuration, an event codec — sees the whole catalogue. A service declares it as a
 * {@code static @Bean}. An invalid or conflicting entry stops the start with its reason.
 */
public final class CatalogueDefinitions implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

    public static final String PREFIX = "tongban.catalogue.items";
    private static final Logger log = LoggerFactory.getLogger(CatalogueDefinitions.class);

    private List<CatalogueEntry> entries = List.of();

    @Override
    public void setEnvironment(Environment environment) {
        entries = entriesOf(environment);
    }

    /** The configured entries, read from {@code environment}. */
    public static List<CatalogueEntry> entriesOf(Environment environment) {
        return Binder.get(environment).bind(PREFIX, Bindable.listOf(CatalogueEntry.class)).orElse(List.of());
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        for (CatalogueEntry entry : entries) {
            try {
                entry.define();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException(PREFIX + ": item " + entry.code() + " cannot be added: " + e.getMessage(), e);
            }
            log.info("catalogue: item {} {} ({}) added by configuration, modes {}", entry.code(), entry.name(),
                    entry.chineseName(), entry.modes());
        }
    }

    public List<CatalogueEntry> entries() {
        return entries;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
