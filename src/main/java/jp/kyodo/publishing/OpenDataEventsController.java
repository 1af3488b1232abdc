package jp.kyodo.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.participation.ParticipationEvents;
import jp.kyodo.shared.ApiPage;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import jp.kyodo.shared.PublicEvent;
import jp.kyodo.training.TrainingEvents;
import jp.kyodo.volunteering.VolunteeringEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Every dated public occasion (workshops, course sessions, comment periods, council meetings, volunteer dates) in the
 * field layout of the government's standard open dataset for events (自治体標準オープンデータセット「イベント一覧」).
 * The contact is the organiser's public office only: the city's division with its main number, or a group's name.
 */
@RestController
class OpenDataEventsController {

    /** The standard's headings, in its order. */
    static final List<String> COLUMNS = List.of("全国地方公共団体コード", "ID", "地方公共団体名", "イベント名", "イベント名_カナ", "イベント名_英字",
            "開始日", "終了日", "開始時間", "終了時間", "終日フラグ", "場所名称", "所在地_連結表記", "緯度", "経度", "アクセス方法", "駐車場情報",
            "説明", "料金(基本)", "料金(詳細)", "主催者", "連絡先名称", "連絡先電話番号", "連絡先内線番号", "画像", "画像_ライセンス", "URL", "備考");

    private final ParticipationEvents participation;
    private final TrainingEvents training;
    private final VolunteeringEvents volunteering;
    private final CityProfile city;

    OpenDataEventsController(ParticipationEvents participation, TrainingEvents training, VolunteeringEvents volunteering, CityProfile city) {
        this.participation = participation;
        this.training = training;
        this.volunteering = volunteering;
        this.city = city;
    }

    /** One event, with the standard's fields under English names. */
    record EventJson(String localGovernmentCode, String id, String localGovernmentName, String kind, String name, LocalDate startDate,
                     LocalDate endDate, LocalTime startTime, LocalTime endTime, boolean allDay, String placeName, String description,
                     String fee, String organiser, String contactName, String contactPhone, String url, String note) {
    }

    @Bean
    static OpenDataset eventsDataset() {
        return new OpenDataset("events", "イベント一覧", "Events",
                "ワークショップ、講座の各回、パブリックコメントの意見募集期間、審議会の会議、ボランティア募集の日時。"
                        + "自治体標準オープンデータセット「イベント一覧」の項目に準拠(該当しない項目は空欄)。連絡先は主催課または団体名のみ。",
                "Workshops, course sessions, comment periods, council meetings and volunteer dates, in the field layout of the "
                        + "government's standard dataset for events (fields that do not apply are empty). Contact: the organising division or the group's name only.",
                "/opendata/events.csv", "/api/v1/events", COLUMNS, 5);
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "Events (イベント一覧)",
            description = "Public events of every kind by start date, with the fields of the standard events dataset (自治体標準オープンデータセット).")
    ApiPage<EventJson> events(@Parameter(description = "Only events ending on or after this day (yyyy-MM-dd)") @RequestParam(required = false) LocalDate from,
                              @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                              @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(all(from), page, size);
    }

    @GetMapping("/opendata/events.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "events.csv", COLUMNS);
        for (EventJson e : all(null)) {
            out.write(Csv.row(Arrays.asList(e.localGovernmentCode(), e.id(), e.localGovernmentName(), e.name(), "", "", text(e.startDate()),
                    text(e.endDate()), text(e.startTime()), text(e.endTime()), e.allDay() ? "TRUE" : "FALSE", e.placeName(), "", "", "", "", "",
                    e.description(), e.fee(), "", e.organiser(), e.contactName(), e.contactPhone(), "", "", "", e.url(), e.note())));
        }
        out.flush();
    }

    private List<EventJson> all(LocalDate from) {
        List<PublicEvent> events = new ArrayList<>();
        events.addAll(participation.events());
        events.addAll(training.events());
        events.addAll(volunteering.events());
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String code = city.localGovernmentCode() == null ? "" : city.localGovernmentCode();
        String cityName = (city.prefecture() == null ? "" : city.prefecture()) + city.name();
        return events.stream()
                .filter(e -> from == null || !e.endDate().isBefore(from))
                .sorted(Comparator.comparing(PublicEvent::startDate)
                        .thenComparing(PublicEvent::startTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(PublicEvent::id))
                .map(e -> new EventJson(code, e.id(), cityName, e.kind(), e.title(), e.startDate(), e.endDate(), e.startTime(), e.endTime(),
                        e.allDay(), e.place(), e.description(), e.fee(), organiser(e), organiser(e),
                        e.byCity() ? city.phone() : null, base + e.path(), e.note()))
                .toList();
    }

    /** The organiser's public name; a city event whose department is unknown falls back to the secretariat. */
    private String organiser(PublicEvent e) {
        return e.byCity() && (e.organiser() == null || e.organiser().isBlank()) ? city.division() : e.organiser();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
