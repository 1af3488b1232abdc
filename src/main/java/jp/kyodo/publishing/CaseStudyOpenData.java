package jp.kyodo.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.groups.Choice;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The published case studies as data: JSON at /api/v1/case-studies and CSV at /opendata/case-studies.csv. Partners are
 * named as groups and departments, never as persons.
 */
@RestController
class CaseStudyOpenData {

    static final int MAX_SIZE = 100;
    static final List<String> CSV_COLUMNS = List.of("ID", "年度", "タイトル", "概要", "協働の形態", "分野", "協働の相手(団体)", "担当課",
            "期間(開始)", "期間(終了)", "事業費(円)", "取組みの内容", "成果", "評価", "教訓・今後に向けて", "URL");

    private final CaseStudies cases;

    CaseStudyOpenData(CaseStudies cases) {
        this.cases = cases;
    }

    /** A code and its name. */
    record Named(String code, String name) {
    }

    /** One case study in the API. */
    record CaseStudyJson(long id, int fiscalYear, String title, String summary, String form, List<Named> fields, String partnerGroups,
                         String department, LocalDate periodFrom, LocalDate periodTo, Long budgetYen, String activities, String outcomes,
                         String evaluation, String lessons, List<String> photoAltTexts, String url) {
    }

    /** A page of case studies. */
    record CaseStudyPage(List<CaseStudyJson> items, long total, int page, int size) {
    }

    @Bean
    static OpenDataset caseStudiesDataset() {
        return new OpenDataset("case-studies", "協働事例", "Collaboration case studies",
                "市民と市の協働事業の事例(協働の形態、分野、相手、期間、事業費、成果、評価)。公開されている事例だけを含みます。",
                "Case studies of collaboration projects between residents' groups and the city (form, field, partners, period, budget, "
                        + "outcomes, evaluation); published ones only.",
                "/opendata/case-studies.csv", "/api/v1/case-studies", CSV_COLUMNS, 61);
    }

    @GetMapping("/api/v1/case-studies")
    @Operation(summary = "Collaboration case studies (協働事例)", description = "Published case studies, newest fiscal year first, "
            + "filtered by form of collaboration, field and fiscal year.")
    CaseStudyPage caseStudies(
            @Parameter(description = "Form of collaboration") @RequestParam(required = false) CollaborationForm form,
            @Parameter(description = "Field code, e.g. kosodate") @RequestParam(required = false) String field,
            @Parameter(description = "Fiscal year (the calendar year it starts in), e.g. 2025") @RequestParam(required = false) Integer fiscalYear,
            @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_SIZE));
        Page<CaseStudies.CaseStudy> found = cases.publicList(new CaseStudies.Filter(form, field, fiscalYear), page, pageSize);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new CaseStudyPage(found.getContent().stream().map(c -> json(c, base)).toList(), found.getTotalElements(), found.getNumber(), pageSize);
    }

    @GetMapping("/opendata/case-studies.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "case-studies.csv", CSV_COLUMNS);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        for (CaseStudies.CaseStudy c : cases.allPublic()) {
            out.write(Csv.row(List.of(String.valueOf(c.id()), String.valueOf(c.fiscalYear()), c.title(), c.summary(), c.form().name(),
                    c.fields().stream().map(Choice::name).collect(Collectors.joining("・")), nz(c.partnerGroups()), nz(c.departmentName()),
                    c.periodFrom() == null ? "" : c.periodFrom().toString(), c.periodTo() == null ? "" : c.periodTo().toString(),
                    c.budget() == null ? "" : String.valueOf(c.budget()), nz(c.activities()), nz(c.outcomes()), nz(c.evaluation()),
                    nz(c.lessons()), base + "/case-studies/" + c.id())));
        }
        out.flush();
    }

    private static CaseStudyJson json(CaseStudies.CaseStudy c, String base) {
        return new CaseStudyJson(c.id(), c.fiscalYear(), c.title(), c.summary(), c.form().name(),
                c.fields().stream().map(f -> new Named(f.code(), f.name())).toList(), c.partnerGroups(), c.departmentName(), c.periodFrom(),
                c.periodTo(), c.budget(), c.activities(), c.outcomes(), c.evaluation(), c.lessons(),
                c.photos().stream().map(CaseStudies.Photo::altText).toList(), base + "/case-studies/" + c.id());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
