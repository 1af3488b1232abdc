package jp.kyodo.volunteering;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
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
 * Published volunteer opportunities and businesses' offers as open data: what the public pages show, never an
 * applicant, a message or a hidden or draft post.
 */
@RestController
class VolunteeringOpenDataController {

    private final Opportunities opportunities;
    private final Contributions contributions;
    private final MessageSource messages;

    VolunteeringOpenDataController(Opportunities opportunities, Contributions contributions, MessageSource messages) {
        this.opportunities = opportunities;
        this.contributions = contributions;
        this.messages = messages;
    }

    // ---- Volunteer opportunities ----

    /** A date and time of an opportunity, with its capacity. */
    record ShiftJson(LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, int capacity, int remaining) {
    }

    /** A published opportunity. */
    record OpportunityJson(long id, String title, String description, String organiser, String place, String area, List<String> fields,
                           boolean forBeginners, boolean forFamilies, boolean forStudents, String skills, String accessibility,
                           String toBring, LocalDate applyBy, List<ShiftJson> shifts, String url) {
    }

    static final List<String> OPPORTUNITY_COLUMNS = List.of("ID", "名称", "内容", "募集団体", "活動場所", "地区", "分野", "初心者歓迎",
            "家族で参加可", "学生歓迎", "求めるスキル", "配慮・バリアフリー", "持ち物", "申込締切日", "日時", "URL");

    @Bean
    static OpenDataset volunteerOpportunitiesDataset() {
        return new OpenDataset("volunteer-opportunities", "ボランティア募集", "Volunteer opportunities",
                "登録団体が募集中のボランティア(公開中で、これから行われる日時のあるもの)。応募者の情報は含まない。",
                "Volunteer opportunities registered groups publish, with dates still to come. No applicant's data.",
                "/opendata/volunteer-opportunities.csv", "/api/v1/volunteer-opportunities", OPPORTUNITY_COLUMNS, 70);
    }

    @GetMapping("/api/v1/volunteer-opportunities")
    @Operation(summary = "Volunteer opportunities (ボランティア募集)", description = "Published opportunities with dates still to come, by deadline.")
    ApiPage<OpportunityJson> opportunities(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                           @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allOpportunities(), page, size);
    }

    @GetMapping("/opendata/volunteer-opportunities.csv")
    void opportunitiesCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "volunteer-opportunities.csv", OPPORTUNITY_COLUMNS);
        for (OpportunityJson o : allOpportunities()) {
            String shifts = o.shifts().stream().map(s -> s.heldOn() + " " + s.startsAt() + "-" + s.endsAt()).collect(Collectors.joining(" / "));
            out.write(Csv.row(Arrays.asList(String.valueOf(o.id()), o.title(), o.description(), o.organiser(), o.place(), o.area(),
                    String.join("・", o.fields()), flag(o.forBeginners()), flag(o.forFamilies()), flag(o.forStudents()), o.skills(),
                    o.accessibility(), o.toBring(), String.valueOf(o.applyBy()), shifts, o.url())));
        }
        out.flush();
    }

    private List<OpportunityJson> allOpportunities() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return opportunities.publicList(new Opportunities.Filter(null, null, null, null, null, false, false, false)).stream()
                .map(o -> new OpportunityJson(o.id(), o.title(), o.description(), o.groupName(), o.place(), o.areaName(), o.fieldNames(),
                        o.forBeginners(), o.forFamilies(), o.forStudents(), o.skills(), o.accessibility(), o.toBring(), o.applyBy(),
                        o.shifts().stream().map(s -> new ShiftJson(s.heldOn(), s.startsAt(), s.endsAt(), s.capacity(), s.remaining())).toList(),
                        base + "/volunteering/" + o.id()))
                .toList();
    }

    // ---- Business offers ----

    /** A business's published offer. */
    record OfferJson(long id, String kind, String title, String description, String organiser, List<String> fields, List<String> areas,
                     String conditions, LocalDate validUntil, String url) {
    }

    static final List<String> OFFER_COLUMNS = List.of("ID", "種類", "名称", "内容", "事業者", "分野コード", "地区コード", "条件", "受付期限", "URL");

    @Bean
    static OpenDataset businessOffersDataset() {
        return new OpenDataset("business-offers", "事業者の社会貢献の申し出", "Businesses' offers",
                "事業者が公開している社会貢献の申し出(会場・物品・専門技能など、受付中のもの)。担当者の連絡先は含まない。",
                "What businesses offer to civic groups (rooms, goods, skills…), open ones only. No contact person's details.",
                "/opendata/business-offers.csv", "/api/v1/business-offers", OFFER_COLUMNS, 71);
    }

    @GetMapping("/api/v1/business-offers")
    @Operation(summary = "Businesses' offers (事業者の社会貢献)", description = "Published offers still open, newest first.")
    ApiPage<OfferJson> offers(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                              @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allOffers(), page, size);
    }

    @GetMapping("/opendata/business-offers.csv")
    void offersCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "business-offers.csv", OFFER_COLUMNS);
        for (OfferJson o : allOffers()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(o.id()), o.kind(), o.title(), o.description(), o.organiser(),
                    String.join("・", o.fields()), String.join("・", o.areas()), o.conditions(),
                    o.validUntil() == null ? "" : o.validUntil().toString(), o.url())));
        }
        out.flush();
    }

    private List<OfferJson> allOffers() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return contributions.publicOffers(null, null, null).stream()
                .map(o -> new OfferJson(o.id(), messages.getMessage("contrib.offerKind." + o.kind(), null, o.kind().name(), Locale.JAPANESE),
                        o.title(), o.description(), o.groupName(), o.fieldCodes(), o.areaCodes(), o.conditions(), o.validUntil(), base + o.path()))
                .toList();
    }

    private static String flag(boolean b) {
        return b ? "1" : "0";
    }
}
