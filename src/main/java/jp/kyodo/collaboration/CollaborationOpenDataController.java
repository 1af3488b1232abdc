package jp.kyodo.collaboration;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.groups.Choice;
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
 * Collaboration projects as open data: the published calls and themes, the adoption results as the results page shows
 * them, and the projects the secretariat has published. Never a proposal in progress, a consultation or a person.
 */
@RestController
class CollaborationOpenDataController {

    private final CallManagement calls;
    private final Decisions decisions;
    private final Projects projects;
    private final MessageSource messages;

    CollaborationOpenDataController(CallManagement calls, Decisions decisions, Projects projects, MessageSource messages) {
        this.calls = calls;
        this.decisions = decisions;
        this.projects = projects;
        this.messages = messages;
    }

    // ---- Calls and themes ----

    /** A published call (市民提案型) or theme (行政提案型). */
    record CallJson(long id, String origin, int fiscalYear, String title, String department, String background, String expectedOutcome,
                    Long budgetCap, String area, List<String> forms, List<String> fields, LocalDate applicationOpens,
                    LocalDate applicationCloses, LocalDate consultationDeadline, LocalDate resultOn, boolean accepting, String url) {
    }

    static final List<String> CALL_COLUMNS = List.of("ID", "種別", "年度", "名称", "担当課", "背景・課題", "期待する成果", "上限額(円)", "地区",
            "協働の形態", "分野", "受付開始日", "受付締切日", "事前相談期限", "結果公表日", "受付中", "URL");

    @Bean
    static OpenDataset collaborationCallsDataset() {
        return new OpenDataset("collaboration-calls", "協働事業の募集とテーマ", "Collaboration calls and themes",
                "公開中の市民提案型協働事業の募集と、行政提案型協働事業のテーマ。",
                "Published calls for citizens' proposals and the city's themes for collaboration projects.",
                "/opendata/collaboration-calls.csv", "/api/v1/collaboration/calls", CALL_COLUMNS, 20);
    }

    @GetMapping("/api/v1/collaboration/calls")
    @Operation(summary = "Collaboration calls and themes (協働事業の募集・テーマ)", description = "Published calls and themes, newest first.")
    ApiPage<CallJson> calls(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                            @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allCalls(), page, size);
    }

    @GetMapping("/opendata/collaboration-calls.csv")
    void callsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "collaboration-calls.csv", CALL_COLUMNS);
        for (CallJson c : allCalls()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(c.id()), c.origin(), String.valueOf(c.fiscalYear()), c.title(), c.department(),
                    c.background(), c.expectedOutcome(), text(c.budgetCap()), c.area(), String.join("・", c.forms()), String.join("・", c.fields()),
                    text(c.applicationOpens()), text(c.applicationCloses()), text(c.consultationDeadline()), text(c.resultOn()),
                    c.accepting() ? "1" : "0", c.url())));
        }
        out.flush();
    }

    private List<CallJson> allCalls() {
        String base = base();
        return calls.published().stream().map(c -> new CallJson(c.id(), label("callOrigin." + c.origin()), c.fiscalYear(), c.title(),
                c.departmentName(), c.background(), c.expectedOutcome(), c.budgetCap(), c.area() == null ? null : c.area().name(),
                c.forms().stream().map(f -> label("collaborationForm." + f)).sorted().toList(),
                c.fields().stream().map(Choice::name).toList(), c.applicationOpens(), c.applicationCloses(), c.consultationDeadline(),
                c.resultOn(), c.accepting(), base + "/collaboration/calls/" + c.id())).toList();
    }

    // ---- Adoption results ----

    /** An adopted proposal as the results page lists it. */
    record ResultJson(long callId, String call, int fiscalYear, long screened, String title, String group, String decision, long cityShare,
                      BigDecimal score, BigDecimal maxScore) {
    }

    static final List<String> RESULT_COLUMNS = List.of("募集ID", "募集・テーマ", "年度", "審査件数", "事業名", "団体名", "結果", "市負担額(円)",
            "審査点", "満点");

    @Bean
    static OpenDataset collaborationResultsDataset() {
        return new OpenDataset("collaboration-results", "協働事業の採択結果", "Adopted collaboration proposals",
                "結果を公表した募集ごとの採択事業(団体名、結果、市負担額、審査点)。不採択の提案の内容は含まない。",
                "For each call whose result is public, the adopted proposals (group, decision, city's share, score). Nothing of proposals not adopted.",
                "/opendata/collaboration-results.csv", "/api/v1/collaboration/results", RESULT_COLUMNS, 21);
    }

    @GetMapping("/api/v1/collaboration/results")
    @Operation(summary = "Adopted collaboration proposals (採択結果)", description = "Adopted proposals of every call whose result is published.")
    ApiPage<ResultJson> results(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allResults(), page, size);
    }

    @GetMapping("/opendata/collaboration-results.csv")
    void resultsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "collaboration-results.csv", RESULT_COLUMNS);
        for (ResultJson r : allResults()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(r.callId()), r.call(), String.valueOf(r.fiscalYear()), String.valueOf(r.screened()),
                    r.title(), r.group(), r.decision(), String.valueOf(r.cityShare()), text(r.score()), text(r.maxScore()))));
        }
        out.flush();
    }

    private List<ResultJson> allResults() {
        List<ResultJson> all = new ArrayList<>();
        for (Decisions.CallResults r : decisions.publicResults()) {
            for (Decisions.Adopted a : r.adopted()) {
                all.add(new ResultJson(r.call().id(), r.call().title(), r.call().fiscalYear(), r.screened(), a.title(), a.groupName(),
                        label("proposalStatus." + a.status()), a.cityShare(), a.result() == null ? null : a.result().score(),
                        a.result() == null ? null : a.result().max()));
            }
        }
        return all;
    }

    // ---- Published projects ----

    /** A project the secretariat published, with its agreed period and roles. */
    record ProjectJson(long id, int fiscalYear, String origin, String call, String title, String group, String department, String form,
                       LocalDate periodFrom, LocalDate periodTo, String purpose, String content, String roles, String url) {
    }

    static final List<String> PROJECT_COLUMNS = List.of("ID", "年度", "種別", "募集・テーマ", "事業名", "団体名", "担当課", "協働の形態",
            "期間開始日", "期間終了日", "目的", "内容", "役割分担", "URL");

    @Bean
    static OpenDataset collaborationProjectsDataset() {
        return new OpenDataset("collaboration-projects", "協働事業", "Collaboration projects",
                "市が公表した協働事業(協働の相手、形態、協定の期間と役割分担、目的と内容)。実績と評価は各事業のページで公開。",
                "Collaboration projects the city has published (partners, form, the agreed period and roles, purpose and content). Outcomes and evaluation are on each project's page.",
                "/opendata/collaboration-projects.csv", "/api/v1/collaboration/projects", PROJECT_COLUMNS, 22);
    }

    @GetMapping("/api/v1/collaboration/projects")
    @Operation(summary = "Collaboration projects (協働事業)", description = "Projects the secretariat has published.")
    ApiPage<ProjectJson> projects(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                  @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        return ApiPage.of(allProjects(), page, size);
    }

    @GetMapping("/opendata/collaboration-projects.csv")
    void projectsCsv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "collaboration-projects.csv", PROJECT_COLUMNS);
        for (ProjectJson p : allProjects()) {
            out.write(Csv.row(Arrays.asList(String.valueOf(p.id()), String.valueOf(p.fiscalYear()), p.origin(), p.call(), p.title(), p.group(),
                    p.department(), p.form(), text(p.periodFrom()), text(p.periodTo()), p.purpose(), p.content(), p.roles(), p.url())));
        }
        out.flush();
    }

    private List<ProjectJson> allProjects() {
        String base = base();
        return projects.allPublished().stream().map(v -> {
            ProposalView p = v.proposal();
            Projects.AgreementView signed = v.signed();
            return new ProjectJson(v.id(), p.call().fiscalYear(), label("callOrigin." + p.call().origin()), p.call().title(), p.title(),
                    p.group() == null ? null : p.group().name(), p.call().departmentName(), p.form() == null ? null : label("collaborationForm." + p.form()),
                    signed == null ? null : signed.clauses().periodFrom(), signed == null ? null : signed.clauses().periodTo(), p.purpose(),
                    p.content(), signed == null ? null : signed.clauses().roles(), base + "/collaboration/projects/" + v.id());
        }).toList();
    }

    // ---- Helpers ----

    private String label(String key) {
        return messages.getMessage(key, null, key, Locale.JAPANESE);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
