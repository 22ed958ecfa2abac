package cn.tongban.center;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** One fund center's deployment (公积金中心): its accounts, its rules, its side of cross-center cases. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CenterApplication {

    /** Configuration lives in {@code center.yml} (and {@code center-<profile>.yml}), not application.yml, so that
     * the platform and centers can share one class path in the federation tests. */
    public static final String CONFIG_NAME = "center";

    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(CenterApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }

    public static void main(String[] args) {
        application().run(args);
    }
}
