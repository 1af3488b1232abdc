package jp.kyodo.collaboration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.groups.Choice;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** The projects the secretariat has published (with their evaluation) as search documents, for rebuilding the index. */
@Component
class ProjectSearchSource implements SearchSource {

    static final String TYPE = "project";

    private final Projects projects;

    ProjectSearchSource(Projects projects) {
        this.projects = projects;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return projects.allPublished().stream().map(ProjectSearchSource::document);
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        try {
            return Optional.of(document(projects.published(Long.parseLong(id))));
        } catch (ResponseStatusException notFound) {
            return Optional.empty();
        }
    }

    /** What the public project page shows: the proposal, the group and the department; facets fiscal year, field, form. */
    static SearchDocument document(Projects.ProjectView project) {
        ProposalView p = project.proposal();
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("fiscalYear", List.of(String.valueOf(p.call().fiscalYear())));
        facets.put("field", p.call().fields().stream().map(Choice::name).toList());
        if (p.form() != null) {
            facets.put("form", List.of(p.form().name()));
        }
        if (p.call().area() != null) {
            facets.put("area", List.of(p.call().area().name()));
        }
        String text = String.join("\n", nz(p.group() == null ? null : p.group().name()), nz(p.call().departmentName()),
                nz(p.call().title()), nz(p.purpose()), nz(p.content()));
        return new SearchDocument(TYPE, String.valueOf(project.id()), p.title(), text, "/collaboration/projects/" + project.id(),
                facets, project.publishedAt());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
