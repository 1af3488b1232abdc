package jp.kyodo.volunteering;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.search.SearchDocumentRemoved;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Volunteer opportunities as moderated posts: hiding takes one off every public page and out of the search. */
@Component
class OpportunityModeration implements ModeratedPosts {

    private final JdbcClient jdbc;
    private final Opportunities opportunities;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    OpportunityModeration(JdbcClient jdbc, Opportunities opportunities, ApplicationEventPublisher events, AuditLog audit) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public String type() {
        return Opportunities.SEARCH_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Post> post(long id) {
        return opportunities.find(id).map(o -> new Post(o.id(), o.title(), "/volunteering/" + o.id(), o.hidden(),
                o.status() != Opportunities.Status.DRAFT));
    }

    @Override
    @Transactional
    public void hide(long id, String reason, Instant at) {
        int changed = jdbc.sql("update vol_opportunity set hidden_at = :at, hidden_reason = :r, version = version + 1 where id = :id")
                .param("at", Timestamp.from(at)).param("r", reason).param("id", id).update();
        if (changed > 0) {
            events.publishEvent(new SearchDocumentRemoved(Opportunities.SEARCH_TYPE, String.valueOf(id)));
            audit.record("opportunity.hide", "vol_opportunity", id, reason);
        }
    }

    @Override
    @Transactional
    public void unhide(long id) {
        int changed = jdbc.sql("update vol_opportunity set hidden_at = null, hidden_reason = null, version = version + 1 where id = :id")
                .param("id", id).update();
        if (changed == 0) {
            return;
        }
        opportunities.find(id).filter(o -> o.status() == Opportunities.Status.PUBLISHED)
                .ifPresent(o -> events.publishEvent(new SearchDocumentChanged(opportunities.document(o))));
        audit.record("opportunity.unhide", "vol_opportunity", id, null);
    }
}
