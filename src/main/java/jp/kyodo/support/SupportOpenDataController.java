package jp.kyodo.support;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.ApiPage;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The other forms of collaboration as open data, exactly as far as their public pages go: the events the city
 * endorses or co-hosts (the organiser named only when it is a registered group) and the subsidy programmes. Grants to
 * individual applicants are not published, so they are not here either.
 */
@RestController
class SupportOpenDataController {

    private final Events events;
    private final Subsidies subsidies;
    private final MessageSource messages;

    SupportOpenDataController(Events events, Subsidies subsidies, MessageSource messages) {
        this.events = events;
        this.subsidies = subsidies;
        this.messages = messages;
    }

    /** An endorsed or co-hosted event as the public list shows it. */
    record SupportedEventJson(long id, String kind, String name, LocalDate startsOn, String venue, String organiser, long fee, String url) {
    }

    static final List<String> EVENT_COLUMNS = List.of("ID", "種類", "催し名", "開催日", "会場", "主催団体", "参加費(円)", "URL");

    @Bean
    static OpenDataset supportedEventsDataset() {
        return new OpenDataset("supported-events", "市の後援・共催事業", "Events the city endorses or co-hosts",
                "市が後援・共催を承認した催し(これからのものと過去3か月のもの)。主催者は登録団体の場合のみ団体名を掲載し、申請者の連絡先は含まない。",
                "Events the city approved for endorsement or co-hosting (coming ones and those of the last three months). The organiser is named only when it is a registered group; no applicant's contact details.",
                "/opendata/supported-events.csv", "/api/v1/supported-events", EVENT_COLUMNS, 30);
    }

    @GetMapping("/api/v1/supported-events")
    @Operation(summary = "Events the city endorses or co-hosts (後援・共催)", description = "Approved events, coming ones and those of the last three months.")
    ApiPage<SupportedEventJson> supportedEvents(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                                @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allEvents(), page, size);
    }

    @GetMapping("/opendata/supported-events.csv")
    void eventsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "supported-events.csv", EVENT_COLUMNS);
        for (SupportedEventJson e : allEvents()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(e.id()), e.kind(), e.name(), String.valueOf(e.startsOn()), e.venue(), e.organiser(),
                    String.valueOf(e.fee()), e.url())));
        }
        out.flush();
    }

    private List<SupportedEventJson> allEvents() {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/support/events";
        return events.publicList().stream().map(e -> new SupportedEventJson(e.id(),
                messages.getMessage("support.kind." + e.kind(), null, e.kind().name(), Locale.JAPANESE), e.eventName(), e.startsOn(), e.venue(),
                e.groupId() != null ? e.organiserName() : null, e.fee(), url)).toList();
    }

    /** A subsidy programme as its public page shows it. */
    record ProgrammeJson(long id, int fiscalYear, String name, String purpose, boolean registeredGroupsOnly, long maxAmount, int ratePercent,
                         long budget, long remaining, LocalDate opensOn, LocalDate closesOn, String requiredDocuments, boolean open,
                         String url) {
    }

    static final List<String> PROGRAMME_COLUMNS = List.of("ID", "年度", "補助金名", "目的", "登録団体のみ", "上限額(円)", "補助率(%)", "予算額(円)",
            "予算残額(円)", "受付開始日", "受付締切日", "提出書類", "受付中", "URL");

    @Bean
    static OpenDataset subsidyProgrammesDataset() {
        return new OpenDataset("subsidy-programmes", "市民活動への補助金", "Subsidy programmes",
                "市民活動への補助金の制度(上限額、補助率、予算と残額、受付期間)。個々の交付先は含まない。",
                "The city's subsidy programmes for civic activities (limits, rate, budget and what remains, application period). Not the individual grants.",
                "/opendata/subsidy-programmes.csv", "/api/v1/subsidy-programmes", PROGRAMME_COLUMNS, 31);
    }

    @GetMapping("/api/v1/subsidy-programmes")
    @Operation(summary = "Subsidy programmes (補助金)", description = "The subsidy programmes the public page lists.")
    ApiPage<ProgrammeJson> programmes(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                      @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allProgrammes(), page, size);
    }

    @GetMapping("/opendata/subsidy-programmes.csv")
    void programmesCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "subsidy-programmes.csv", PROGRAMME_COLUMNS);
        for (ProgrammeJson p : allProgrammes()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(p.id()), String.valueOf(p.fiscalYear()), p.name(), p.purpose(),
                    p.registeredGroupsOnly() ? "1" : "0", String.valueOf(p.maxAmount()), String.valueOf(p.ratePercent()), String.valueOf(p.budget()),
                    String.valueOf(p.remaining()), String.valueOf(p.opensOn()), String.valueOf(p.closesOn()), p.requiredDocuments(),
                    p.open() ? "1" : "0", p.url())));
        }
        out.flush();
    }

    private List<ProgrammeJson> allProgrammes() {
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() + "/support/subsidies";
        return subsidies.programmes().stream().map(p -> new ProgrammeJson(p.id(), p.fiscalYear(), p.name(), p.purpose(), p.registeredOnly(),
                p.maxAmount(), p.ratePercent(), p.budget(), p.remaining(), p.opensOn(), p.closesOn(), p.requiredDocuments(), p.open(), url)).toList();
    }
}
