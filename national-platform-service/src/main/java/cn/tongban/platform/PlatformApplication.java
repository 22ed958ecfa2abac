package cn.tongban.platform;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The national platform (全国住房公积金监管服务平台 跨省通办): relays between centers and keeps the shared case. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PlatformApplication {

    /** Configuration lives in {@code platform.yml} (and {@code platform-<profile>.yml}), not application.yml, so that
     * the platform and centers can share one class path in the federation tests. */
    public static final String CONFIG_NAME = "platform";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(PlatformApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
