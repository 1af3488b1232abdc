package jp.kyodo.volunteering;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reporting and hiding businesses' offers. */
@Component
class OfferModeration implements ModeratedPosts {

    private final JdbcClient jdbc;
    private final Contributions contributions;

    OfferModeration(JdbcClient jdbc, Contributions contributions) {
        this.jdbc = jdbc;
        this.contributions = contributions;
    }

    @Override
    public String type() {
        return "offer";
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Post> post(long id) {
        return jdbc.sql("select id, title, hidden_at is not null hidden, status <> 'DRAFT' published from vol_offer where id = :id").param("id", id)
                .query((rs, i) -> new Post(rs.getLong("id"), rs.getString("title"), "/contribution/offers/" + id, rs.getBoolean("hidden"), rs.getBoolean("published")))
                .optional();
    }

    @Override
    public void hide(long id, String reason, Instant at) {
        contributions.hide("vol_offer", id, reason, at);
    }

    @Override
    public void unhide(long id) {
        contributions.unhide("vol_offer", id);
    }
}
