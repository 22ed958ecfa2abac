package cn.tongban.platform.catalogue;

import cn.tongban.kit.catalogue.CatalogueDefinitions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Items added to the catalogue by configuration ({@code tongban.catalogue.items}), defined before any bean. */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

    @Bean
    static CatalogueDefinitions catalogueDefinitions() {
        return new CatalogueDefinitions();
    }
}
