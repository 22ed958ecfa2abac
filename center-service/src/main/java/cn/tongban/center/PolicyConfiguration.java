package cn.tongban.center;

import cn.tongban.center.policy.CenterPolicy;
import cn.tongban.center.policy.PolicyLoader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** This center's local policy, loaded and validated at start-up: a bad policy file stops the service. */
@Configuration(proxyBeanMethods = false)
class PolicyConfiguration {

    @Bean
    CenterPolicy centerPolicy(CenterProperties center) {
        return PolicyLoader.loadBundled(center.code());
    }
}
