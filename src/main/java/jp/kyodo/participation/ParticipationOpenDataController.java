package jp.kyodo.participation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
 * Citizen participation as open data: workshops, public comment procedures with their published results, and councils
 * with the members their public page lists. Registrants, commenters and applicants never appear.
 */
@RestController
class ParticipationOpenDataController {

    private final Workshops workshops;
    private final PublicComments comments;
    private final Councils councils;
    private final MessageSource messages;

    ParticipationOpenDataController(Workshops workshops, PublicComments comments, Councils councils, MessageSource messages) {
        this.workshops = workshops;
        this.comments = comments;
        this.councils = councils;
        this.messages = messages;
    }

    // ---- Workshops ----

    /** A workshop; the record and the city's response once published. */
    record WorkshopJson(long id, String title, String theme, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String place,
                        int capacity, String target, LocalDate opensOn, LocalDate closesOn, String organiser, String phase,
                        String cancelReason, String recordText, String cityResponse, String url) {
    }

    static final List<String> WORKSHOP_COLUMNS = List.of("ID", "名称", "テーマ", "開催日", "開始時間", "終了時間", "会場", "定員", "対象",
            "申込開始日", "申込締切日", "主催課", "状況", "中止理由", "記録", "市の対応", "URL");

    @Bean
    static OpenDataset workshopsDataset() {
        return new OpenDataset("workshops", "ワークショップ", "Workshops",
                "市が開催する市民参加のワークショップ。開催後に公開された記録と市の対応を含む。申込者の情報は含まない。",
                "Workshops the city holds for residents, with the record and the city's response once published. No registrant's data.",
                "/opendata/workshops.csv", "/api/v1/workshops", WORKSHOP_COLUMNS, 40);
    }

    @GetMapping("/api/v1/workshops")
    @Operation(summary = "Workshops (ワークショップ)", description = "Published workshops in date order, with the outputs once published.")
    ApiPage<WorkshopJson> workshops(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                    @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        String base = base();
        return ApiPage.of(workshops.publicList().stream().map(w -> workshop(w, base)).toList(), page, size);
    }

    @GetMapping("/opendata/workshops.csv")
    void workshopsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "workshops.csv", WORKSHOP_COLUMNS);
        String base = base();
        for (Workshops.Workshop w : workshops.publicList()) {
            WorkshopJson j = workshop(w, base);
            out.write(Csv.row(Arrays.asList(String.valueOf(j.id()), j.title(), j.theme(), text(j.heldOn()), text(j.startsAt()),
                    text(j.endsAt()), j.place(), String.valueOf(j.capacity()), j.target(), text(j.opensOn()), text(j.closesOn()), j.organiser(),
                    j.phase(), j.cancelReason(), j.recordText(), j.cityResponse(), j.url())));
        }
        out.flush();
    }

    private static WorkshopJson workshop(Workshops.Workshop w, String base) {
        boolean outputs = w.outputsPublishedAt() != null;
        return new WorkshopJson(w.id(), w.title(), w.theme(), w.heldOn(), w.startsAt(), w.endsAt(), w.place(), w.capacity(), w.target(),
                w.opensOn(), w.closesOn(), w.departmentName(), w.phase().name(),
                w.status() == Workshops.Status.CANCELLED ? w.cancelReason() : null, outputs ? w.recordText() : null,
                outputs ? w.cityResponse() : null, base + "/participation/workshops/" + w.id());
    }

    // ---- Public comment ----

    /** The city's view on a group of comments, with how many comments it answers. */
    record ViewJson(String summary, String cityView, boolean changed, String changeNote, int comments) {
    }

    /** A public comment procedure; counts and views only once the result is published, as its public page shows them. */
    record CommentProcedureJson(long id, String title, String purpose, String organiser, LocalDate opensOn, LocalDate closesOn,
                                String phase, Long commenters, Long comments, String resultNote, List<ViewJson> views, String url) {
    }

    static final List<String> COMMENT_COLUMNS = List.of("ID", "案件名", "趣旨", "担当課", "意見募集開始日", "意見募集締切日", "状況",
            "意見提出者数", "意見数", "結果の概要", "URL");

    @Bean
    static OpenDataset publicCommentsDataset() {
        return new OpenDataset("public-comments", "パブリックコメント", "Public comment",
                "市の案に対する意見募集(パブリックコメント)の案件。結果公表後は意見提出者数・意見数と市の考え方を含む。提出者の氏名・住所・メールは含まない。",
                "The city's drafts put to public comment; once the result is published, how many people commented, how many comments, and the city's views. No commenter's name, address or e-mail.",
                "/opendata/public-comments.csv", "/api/v1/public-comments", COMMENT_COLUMNS, 41);
    }

    @GetMapping("/api/v1/public-comments")
    @Operation(summary = "Public comment procedures (パブリックコメント)",
            description = "Procedures published for comment, newest first; comment counts and the city's views once the result is published.")
    ApiPage<CommentProcedureJson> publicComments(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                                 @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        String base = base();
        return ApiPage.of(comments.publicList().stream().map(p -> procedure(p, base)).toList(), page, size);
    }

    @GetMapping("/opendata/public-comments.csv")
    void publicCommentsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "public-comments.csv", COMMENT_COLUMNS);
        String base = base();
        for (PublicComments.Procedure p : comments.publicList()) {
            CommentProcedureJson j = procedure(p, base);
            out.write(Csv.row(Arrays.asList(String.valueOf(j.id()), j.title(), j.purpose(), j.organiser(), text(j.opensOn()),
                    text(j.closesOn()), j.phase(), j.commenters() == null ? "" : j.commenters().toString(),
                    j.comments() == null ? "" : j.comments().toString(), j.resultNote(), j.url())));
        }
        out.flush();
    }

    private CommentProcedureJson procedure(PublicComments.Procedure p, String base) {
        boolean result = p.phase() == PublicComments.Phase.RESULT;
        long[] counts = result ? comments.counts(p.id()) : null;
        List<ViewJson> views = result ? comments.views(p.id()).stream()
                .map(v -> new ViewJson(v.summary(), v.cityView(), v.changed(), v.changeNote(), v.comments())).toList() : List.of();
        return new CommentProcedureJson(p.id(), p.title(), p.purpose(), p.departmentName(), p.opensOn(), p.closesOn(), p.phase().name(),
                result ? counts[0] : null, result ? counts[1] : null, result ? p.resultNote() : null, views,
                base + "/participation/comments/" + p.id());
    }

    // ---- Councils ----

    /** A member as the council's public page lists them: name, role, category, affiliation and term. */
    record MemberJson(String name, String role, String category, String affiliation, LocalDate termStart, LocalDate termEnd) {
    }

    /** A council with its current and incoming members. */
    record CouncilJson(long id, String name, String purpose, String basis, int seats, int termYears, String organiser,
                       List<MemberJson> members, String url) {
    }

    static final List<String> COUNCIL_COLUMNS = List.of("審議会ID", "審議会名", "設置目的", "根拠法令等", "定数", "任期(年)", "担当課",
            "委員氏名", "役職", "区分", "所属", "任期開始日", "任期終了日", "URL");

    @Bean
    static OpenDataset councilsDataset() {
        return new OpenDataset("councils", "審議会等と委員", "Councils and their members",
                "市の審議会等と、その公開ページに掲載している現任・就任予定の委員(氏名・役職・区分・所属・任期)。1行に委員1人(委員のいない審議会は1行)。応募者の情報は含まない。",
                "The city's councils and the current and incoming members their public page lists (name, role, category, affiliation, term), one member a row. No applicant's data.",
                "/opendata/councils.csv", "/api/v1/councils", COUNCIL_COLUMNS, 42);
    }

    @GetMapping("/api/v1/councils")
    @Operation(summary = "Councils (審議会等)", description = "Councils with the members their public page lists.")
    ApiPage<CouncilJson> councils(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                  @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        String base = base();
        return ApiPage.of(councils.councils().stream().map(c -> council(c, base)).toList(), page, size);
    }

    @GetMapping("/opendata/councils.csv")
    void councilsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "councils.csv", COUNCIL_COLUMNS);
        String base = base();
        for (Councils.Council c : councils.councils()) {
            CouncilJson j = council(c, base);
            List<String> head = Arrays.asList(String.valueOf(j.id()), j.name(), j.purpose(), j.basis(), String.valueOf(j.seats()),
                    String.valueOf(j.termYears()), j.organiser());
            if (j.members().isEmpty()) {
                out.write(Csv.row(concat(head, Arrays.asList("", "", "", "", "", "", j.url()))));
            }
            for (MemberJson m : j.members()) {
                out.write(Csv.row(concat(head, Arrays.asList(m.name(), m.role(), m.category(), m.affiliation(), text(m.termStart()),
                        text(m.termEnd()), j.url()))));
            }
        }
        out.flush();
    }

    private CouncilJson council(Councils.Council c, String base) {
        List<MemberJson> members = councils.members(c.id(), false).stream()
                .map(m -> new MemberJson(m.name(), label("council.role." + m.role()), label("council.category." + m.category()),
                        m.affiliation(), m.termStart(), m.termEnd()))
                .toList();
        return new CouncilJson(c.id(), c.name(), c.purpose(), c.basis(), c.seats(), c.termYears(), c.departmentName(), members,
                base + "/participation/councils/" + c.id());
    }

    // ---- Helpers ----

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.JAPANESE);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
