package jp.kyodo.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import jp.kyodo.shared.CityProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description of the public API (/v3/api-docs): open data of the city's civic collaboration. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI kyodoOpenApi(CityProfile city, @Value("${kyodo.opendata.licence-name:CC BY 4.0}") String licenceName,
                         @Value("${kyodo.opendata.licence-url:https://creativecommons.org/licenses/by/4.0/deed.ja}") String licenceUrl) {
        return new OpenAPI().info(new Info()
                .title(city.nameEn() + " " + city.programmeNameEn() + " API")
                .version("v1")
                .description("Open data of " + city.name() + " " + city.programmeName()
                        + ": public information only. A person's address, phone and e-mail appear only where that person consented.")
                .contact(new Contact().name(city.division()).email(city.email()))
                .license(new License().name(licenceName).url(licenceUrl)));
    }
}
