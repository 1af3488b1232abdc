package jp.kyodo.training;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import jp.kyodo.shared.FiscalYear;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The published courses (never a draft nor a registration) as search documents, for rebuilding the index. */
@Component
class CourseSearchSource implements SearchSource {

    static final String TYPE = "course";

    private final Courses courses;

    CourseSearchSource(Courses courses) {
        this.courses = courses;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return courses.publicList().stream().map(CourseSearchSource::document);
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        try {
            return Optional.of(document(courses.published(Long.parseLong(id))));
        } catch (ResponseStatusException notFound) {
            return Optional.empty();
        }
    }

    /** What the public course page shows; facets: who it is for, fiscal year, department. */
    static SearchDocument document(Courses.Course c) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("target", List.of(c.target().name()));
        facets.put("fiscalYear", List.of(String.valueOf(FiscalYear.of(c.firstDay()).startYear())));
        facets.put("department", List.of(c.departmentName()));
        List<String> text = new ArrayList<>(List.of(nz(c.description()), nz(c.lecturer()), nz(c.place()), c.departmentName()));
        c.sessions().forEach(s -> text.add(s.when() + " " + nz(s.topic())));
        return new SearchDocument(TYPE, String.valueOf(c.id()), c.title(), String.join("\n", text), "/training/courses/" + c.id(),
                facets, c.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
