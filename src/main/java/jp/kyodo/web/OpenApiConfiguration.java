package jp.kyodo.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import jp.kyodo.shared.CityProfile;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the public API (/v3/api-docs): open data of the city's civic collaboration. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kyodoOpenApi(CityProfile city) {
        return new OpenAPI().info(new Info()
                .title(city.nameEn() + " " + city.programmeNameEn() + " API")
                .version("v1")
                .description("Open data of " + city.name() + " " + city.programmeName()
                        + ": public information only. A person's address, phone and e-mail appear only where that person consented.")
                .contact(new Contact().name(city.division()).email(city.email())));
    }
}
