package cn.tongban.kit.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The OpenAPI description every service publishes at /v3/api-docs, with its bearer-token scheme. */
@AutoConfiguration
public class OpenApiConfiguration {

    @Bean
    OpenAPI tongbanOpenApi(Environment environment) {
        String application = environment.getProperty("spring.application.name", "tongban");
        return new OpenAPI()
                .info(new Info().title("Tongban " + application)
                        .description("Cross-province handling (跨省通办) of housing provident fund services. "
                                + "Errors are RFC 9457 problem details with a stable `code`.")
                        .version("v1"))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }
}
