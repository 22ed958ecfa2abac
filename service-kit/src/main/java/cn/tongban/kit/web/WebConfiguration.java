package cn.tongban.kit.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** Problem details for every error, in and outside Spring MVC. */
@AutoConfiguration
@Import(ProblemDetailsAdvice.class)
public class WebConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }
}
