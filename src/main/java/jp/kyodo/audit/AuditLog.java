package jp.kyodo.audit;

import jakarta.persistence.criteria.Predicate;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log. A write joins the caller's transaction, so the change and its trace commit together. */
@Service
public class AuditLog {

    static final String SYSTEM = "system";

    private final AuditEntries entries;
    private final Clock clock;
    private final ZoneId zone;

    AuditLog(AuditEntries entries, Clock clock, CityProfile city) {
        this.entries = entries;
        this.clock = clock;
        this.zone = city.zone();
    }

    /** Records an action by the signed-in person (or the system when nobody is signed in). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String recordType, Object recordId, String summary) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Actor actor) {
            record(actor, action, recordType, recordId, summary);
        } else {
            String name = auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())
                    ? SYSTEM : auth.getName();
            write(null, name, action, recordType, recordId, summary);
        }
    }

    /** Records an action by a named actor, for acts done before the person is signed in (sign-up, password reset). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, String action, String recordType, Object recordId, String summary) {
        write(actor.accountId(), actor.displayName(), action, recordType, recordId, summary);
    }

    private void write(Long actorId, String actorName, String action, String recordType, Object recordId, String summary) {
        entries.save(new AuditEntry(clock.instant(), actorId, truncate(actorName, 200), action, recordType,
                recordId == null ? null : recordId.toString(), summary));
    }

    /**
     * When a person deletes their account, their name leaves the log; the lines keep the account number, so
     * what was done stays traceable without naming them.
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void forgetActorName(long accountId, String replacement) {
        entries.renameActor(accountId, replacement);
    }

    @Transactional(readOnly = true)
    public Page<AuditRecord> search(AuditQuery query, Pageable pageable) {
        return entries.findAll(specification(query), pageable).map(AuditEntry::toRecord);
    }

    @Transactional(readOnly = true)
    public List<String> recordTypes() {
        return entries.recordTypes();
    }

    @Transactional(readOnly = true)
    public List<String> actions() {
        return entries.actions();
    }

    private Specification<AuditEntry> specification(AuditQuery q) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (hasText(q.actor())) {
                where.add(cb.like(cb.lower(root.get("actorName")), "%" + escape(q.actor().toLowerCase()) + "%", '\\'));
            }
            if (hasText(q.action())) {
                where.add(cb.equal(root.get("action"), q.action()));
            }
            if (hasText(q.recordType())) {
                where.add(cb.equal(root.get("recordType"), q.recordType()));
            }
            if (hasText(q.recordId())) {
                where.add(cb.equal(root.get("recordId"), q.recordId().trim()));
            }
            if (q.from() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), q.from().atStartOfDay(zone).toInstant()));
            }
            if (q.to() != null) {
                where.add(cb.lessThan(root.get("occurredAt"), q.to().plusDays(1).atStartOfDay(zone).toInstant()));
            }
            cq.orderBy(cb.desc(root.get("occurredAt")), cb.desc(root.get("id")));
            return cb.and(where.toArray(Predicate[]::new));
        };
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String escape(String s) {
        return s.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
