package jp.kyodo.accounts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Downloads;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * 個人データのダウンロード: the signed-in person's own data, as a page to read and as a JSON file to keep or take
 * elsewhere. There is no id in the address: the data is always the caller's own.
 */
@Controller
@RequestMapping("/account/data")
class PersonalDataController {

    private final PersonalData personalData;
    private final JsonMapper json;
    private final Clock clock;
    private final CityProfile city;

    PersonalDataController(PersonalData personalData, JsonMapper json, Clock clock, CityProfile city) {
        this.personalData = personalData;
        this.json = json;
        this.clock = clock;
        this.city = city;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        Map<String, Map<String, List<Map<String, Object>>>> data = personalData.download(user.accountId(), "html");
        model.addAttribute("data", readable(data));
        return "accounts/personal-data";
    }

    /** A cell as the page shows it: dates and times in the city's zone, yes/no as words from the bundle. */
    record Cell(String text, String kind) {
    }

    private Map<String, Map<String, List<Map<String, Cell>>>> readable(Map<String, Map<String, List<Map<String, Object>>>> data) {
        Map<String, Map<String, List<Map<String, Cell>>>> out = new java.util.LinkedHashMap<>();
        data.forEach((section, tables) -> {
            Map<String, List<Map<String, Cell>>> readableTables = new java.util.LinkedHashMap<>();
            tables.forEach((table, rows) -> readableTables.put(table, rows.stream().map(row -> {
                Map<String, Cell> cells = new java.util.LinkedHashMap<>();
                row.forEach((column, value) -> cells.put(column, cell(value)));
                return cells;
            }).toList()));
            out.put(section, readableTables);
        });
        return out;
    }

    private Cell cell(Object value) {
        return switch (value) {
            case null -> new Cell("", "text");
            case Boolean b -> new Cell(null, b ? "yes" : "no");
            case java.time.Instant i -> new Cell(JapaneseDates.formatDateTime(java.time.LocalDateTime.ofInstant(i, city.zone())), "text");
            case LocalDate d -> new Cell(JapaneseDates.format(d), "text");
            default -> new Cell(String.valueOf(value), "text");
        };
    }

    @GetMapping("/json")
    ResponseEntity<byte[]> json(@AuthenticationPrincipal SignedInUser user) {
        Map<String, Map<String, List<Map<String, Object>>>> data = personalData.download(user.accountId(), "json");
        byte[] body = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build()
                .writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
        return Downloads.attachment("personal-data-" + LocalDate.now(clock.withZone(city.zone())) + ".json",
                "application/json;charset=UTF-8", body);
    }
}
