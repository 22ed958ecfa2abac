package cn.tongban.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** The dev token issuer exists in the local profile and in no other. */
class DevTokenIssuerTest {

    @Configuration
    @EnableConfigurationProperties(SecurityProperties.class)
    static class Basics {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DevTokenIssuer.class))
            .withUserConfiguration(Basics.class)
            .withPropertyValues("tongban.security.audience=tongban-center-110000");

    @Test
    void withoutTheLocalProfileThereIsNoWayToMintTokens() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(DevTokenIssuer.Endpoint.class);
            assertThat(context).doesNotHaveBean(JwtDecoder.class);
        });
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod")).run(context ->
                assertThat(context).doesNotHaveBean(DevTokenIssuer.Endpoint.class));
    }

    @Test
    void inTheLocalProfileTheIssuerAndItsDecoderArePresent() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("local")).run(context -> {
            assertThat(context).hasSingleBean(DevTokenIssuer.Endpoint.class);
            assertThat(context).hasSingleBean(JwtDecoder.class);
        });
    }

    @Test
    void aShortSecretIsRefused() {
        runner.withInitializer(context -> context.getEnvironment().setActiveProfiles("local"))
                .withPropertyValues("tongban.security.dev-issuer.secret=too-short")
                .run(context -> assertThat(context).hasFailed());
    }
}
