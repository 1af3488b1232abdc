package jp.kyodo.participation;

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

/**
 * The drafts put to public comment (open, under consideration or with their result; never a draft nor any comment or
 * commenter) as search documents, for rebuilding the index.
 */
@Component
class PublicCommentSearchSource implements SearchSource {

    static final String TYPE = "public-comment";

    private final PublicComments comments;

    PublicCommentSearchSource(PublicComments comments) {
        this.comments = comments;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return comments.publicList().stream().map(PublicCommentSearchSource::document);
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        try {
            return Optional.of(document(comments.published(Long.parseLong(id))));
        } catch (ResponseStatusException notFound) {
            return Optional.empty();
        }
    }

    /** The plan, its sections and the published result note; facets: stage, fiscal year, department. */
    static SearchDocument document(PublicComments.Procedure p) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("stage", List.of(p.status() == PublicComments.Status.RESULT_PUBLISHED ? "result" : "published"));
        facets.put("fiscalYear", List.of(String.valueOf(FiscalYear.of(p.opensOn()).startYear())));
        facets.put("department", List.of(p.departmentName()));
        List<String> text = new ArrayList<>(List.of(p.departmentName(), nz(p.purpose())));
        p.sections().forEach(s -> {
            text.add(nz(s.heading()));
            text.add(nz(s.body()));
        });
        if (p.status() == PublicComments.Status.RESULT_PUBLISHED) {
            text.add(nz(p.resultNote()));
        }
        return new SearchDocument(TYPE, String.valueOf(p.id()), p.title(), String.join("\n", text),
                "/participation/comments/" + p.id(), facets,
                p.resultPublishedAt() != null ? p.resultPublishedAt() : p.opensOn().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
