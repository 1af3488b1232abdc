package jp.kyodo.publishing;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jp.kyodo.shared.OpenDataset;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The open data catalogue (/opendata/): every dataset the modules declare, with its CSV, JSON, columns and licence;
 * and a page describing the API (/opendata/api) rendered on the server from the OpenAPI document, so that it reads
 * without JavaScript.
 */
@Controller
class OpenDataCatalogueController {

    private final List<OpenDataset> datasets;
    private final ObjectProvider<OpenApiWebMvcResource> openApi;
    private final Clock clock;
    private final String licenceName;
    private final String licenceUrl;

    OpenDataCatalogueController(List<OpenDataset> datasets, ObjectProvider<OpenApiWebMvcResource> openApi, Clock clock,
                                @Value("${kyodo.opendata.licence-name:CC BY 4.0}") String licenceName,
                                @Value("${kyodo.opendata.licence-url:https://creativecommons.org/licenses/by/4.0/deed.ja}") String licenceUrl) {
        this.datasets = datasets.stream().sorted(Comparator.comparingInt(OpenDataset::order).thenComparing(OpenDataset::id)).toList();
        this.openApi = openApi;
        this.clock = clock;
        this.licenceName = licenceName;
        this.licenceUrl = licenceUrl;
    }

    /** A parameter of an API operation, as the page lists it. */
    record ParameterRow(String name, String in, boolean required, String type, String defaultValue, String description) {
    }

    /** An API path with its GET operation. */
    record Endpoint(String path, String summary, String description, List<ParameterRow> parameters, String example) {
    }

    @GetMapping({"/opendata", "/opendata/"})
    String catalogue(Model model) {
        model.addAttribute("datasets", datasets);
        model.addAttribute("licenceName", licenceName);
        model.addAttribute("licenceUrl", licenceUrl);
        model.addAttribute("generatedAt", Instant.now(clock));
        return "publishing/opendata";
    }

    @GetMapping("/opendata/api")
    String api(HttpServletRequest request, Model model, Locale locale) throws IOException {
        // Without springdoc's endpoint (api-docs switched off) the page says there is nothing to describe.
        OpenApiWebMvcResource resource = openApi.getIfAvailable();
        OpenAPI document = resource == null ? new OpenAPI()
                : Json.mapper().readValue(resource.openapiJson(request, "/v3/api-docs", locale), OpenAPI.class);
        List<Endpoint> endpoints = new ArrayList<>();
        if (document.getPaths() != null) {
            for (Map.Entry<String, PathItem> e : document.getPaths().entrySet()) {
                Operation get = e.getValue().getGet();
                if (!e.getKey().startsWith("/api/v1/") || get == null) {
                    continue;
                }
                List<ParameterRow> parameters = get.getParameters() == null ? List.of() : get.getParameters().stream().map(this::row).toList();
                boolean fixed = !e.getKey().contains("{");
                endpoints.add(new Endpoint(e.getKey(), get.getSummary(), get.getDescription(), parameters, fixed ? e.getKey() : null));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path));
        model.addAttribute("endpoints", endpoints);
        model.addAttribute("title", document.getInfo() == null ? null : document.getInfo().getTitle());
        model.addAttribute("licenceName", licenceName);
        model.addAttribute("licenceUrl", licenceUrl);
        return "publishing/opendata-api";
    }

    private ParameterRow row(Parameter p) {
        String type = p.getSchema() == null ? "" : p.getSchema().getType() != null ? p.getSchema().getType()
                : p.getSchema().getTypes() != null && !p.getSchema().getTypes().isEmpty() ? String.join("|", p.getSchema().getTypes())
                : p.getSchema().get$ref() != null ? p.getSchema().get$ref().replaceFirst(".*/", "") : "";
        if (p.getSchema() != null && p.getSchema().getFormat() != null) {
            type = type + " (" + p.getSchema().getFormat() + ")";
        }
        if (p.getSchema() != null && p.getSchema().getEnum() != null && !p.getSchema().getEnum().isEmpty()) {
            type = type + ": " + String.join(", ", p.getSchema().getEnum().stream().map(String::valueOf).toList());
        }
        Object def = p.getSchema() == null ? null : p.getSchema().getDefault();
        return new ParameterRow(p.getName(), p.getIn(), Boolean.TRUE.equals(p.getRequired()), type, def == null ? "" : def.toString(),
                p.getDescription() == null ? "" : p.getDescription());
    }
}
