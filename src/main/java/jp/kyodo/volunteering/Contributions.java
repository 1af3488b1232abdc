package jp.kyodo.volunteering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.GroupType;
import jp.kyodo.groups.Groups;
import jp.kyodo.search.SearchIndex;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * 事業者の社会貢献: businesses' offers and groups' needs, their public lists and pages, and the suggested matches
 * between them (see {@link ContributionMatcher}). An offer is posted by a manager of a registered business-type group,
 * a need by a manager of any registered group; hidden posts leave every public page and suggestion.
 */
@Service
class Contributions {

    static final int SUGGESTIONS = 5;
    static final Set<GroupType> BUSINESS_TYPES = Set.of(GroupType.BUSINESS, GroupType.OTHER_ORG);

    enum Status { DRAFT, PUBLISHED, CLOSED }

    private final JdbcClient jdbc;
    private final Groups groups;
    private final SearchIndex search;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final MessageSource messages;

    Contributions(JdbcClient jdbc, Groups groups, SearchIndex search, AuditLog audit, Clock clock, CityProfile city, MessageSource messages) {
        this.jdbc = jdbc;
        this.groups = groups;
        this.search = search;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.messages = messages;
    }

    record Offer(long id, long groupId, String groupName, OfferKind kind, String title, String description, List<String> fieldCodes,
                 List<String> areaCodes, String conditions, LocalDate validUntil, Status status, long version, Instant hiddenAt,
                 String hiddenReason, Instant createdAt) {

        public boolean hidden() {
            return hiddenAt != null;
        }

        public String path() {
            return "/contribution/offers/" + id;
        }
    }

    record Need(long id, long groupId, String groupName, NeedKind kind, String title, String description, List<String> fieldCodes,
                String areaCode, LocalDate neededBy, Status status, long version, Instant hiddenAt, String hiddenReason, Instant createdAt) {

        public boolean hidden() {
            return hiddenAt != null;
        }

        public String path() {
            return "/contribution/needs/" + id;
        }
    }

    /** What was typed into an offer's form. */
    record OfferInput(String groupId, String kind, String title, String description, List<String> fields, List<String> areas,
                      String conditions, String validUntil) {
    }

    record NeedInput(String groupId, String kind, String title, String description, List<String> fields, String area, String neededBy) {
    }

    /** A suggested counterpart: the other post, its group, the score and the reasons as sentences. */
    record Suggestion(long offerId, long needId, String title, String path, String groupName, int score, List<String> reasons) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    // ---- Who may post ----

    /** The registered business-type groups the account manages: those may post offers. */
    @Transactional(readOnly = true)
    List<Groups.GroupProfile> businessGroups(long accountId) {
        return groups.managedBy(accountId).stream().filter(g -> g.inGoodStanding() && BUSINESS_TYPES.contains(g.type())).toList();
    }

    /** The registered groups the account manages: those may post needs and talk to other groups. */
    @Transactional(readOnly = true)
    List<Groups.GroupProfile> registeredGroups(long accountId) {
        return groups.managedBy(accountId).stream().filter(Groups.GroupProfile::inGoodStanding).toList();
    }

    // ---- Offers ----

    @Transactional
    long createOffer(Actor actor, OfferInput in) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Groups.GroupProfile group = checks.check(() -> businessGroup(actor.accountId(), in.groupId()));
        CheckedOffer o = checkOffer(checks, in);
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into vol_offer (group_id, kind, title, description, field_codes, area_codes, conditions, valid_until, status,
                            created_by, created_at, updated_at)
                        values (:g, :k, :t, :d, :f, :a, :c, :v, 'DRAFT', :by, :now, :now) returning id""")
                .param("g", group.id()).param("k", o.kind().name()).param("t", o.title()).param("d", o.description())
                .param("f", String.join(",", o.fields())).param("a", String.join(",", o.areas())).param("c", o.conditions())
                .param("v", o.validUntil()).param("by", actor.accountId()).param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record(actor, "offer.create", "vol_offer", id, group.name() + ": " + o.title());
        return id;
    }

    @Transactional
    void updateOffer(Actor actor, long id, long version, OfferInput in) {
        Offer current = offerForManager(id, actor.accountId());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        CheckedOffer o = checkOffer(checks, in);
        checks.throwIfAny();
        int updated = jdbc.sql("""
                        update vol_offer set kind = :k, title = :t, description = :d, field_codes = :f, area_codes = :a, conditions = :c,
                            valid_until = :v, updated_at = :now, version = version + 1 where id = :id and version = :version""")
                .param("k", o.kind().name()).param("t", o.title()).param("d", o.description()).param("f", String.join(",", o.fields()))
                .param("a", String.join(",", o.areas())).param("c", o.conditions()).param("v", o.validUntil())
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("version", version).update();
        stale(updated);
        audit.record(actor, "offer.update", "vol_offer", id, current.groupName() + ": " + o.title());
    }

    /** Publishes a draft or re-opens a closed offer. */
    @Transactional
    void publishOffer(Actor actor, long id, long version) {
        Offer o = offerForManager(id, actor.accountId());
        if (o.validUntil() != null && o.validUntil().isBefore(today())) {
            throw new InvalidInputException("validUntil", "validation.contrib.validUntilPast");
        }
        setOfferStatus(actor, o, version, Status.PUBLISHED, "offer.publish");
    }

    @Transactional
    void closeOffer(Actor actor, long id, long version) {
        Offer o = offerForManager(id, actor.accountId());
        // Only a published offer closes: a closed draft would become public without ever being published.
        if (o.status() != Status.PUBLISHED) {
            throw new InvalidInputException("version", "validation.contrib.notPublished");
        }
        setOfferStatus(actor, o, version, Status.CLOSED, "offer.close");
    }

    private void setOfferStatus(Actor actor, Offer o, long version, Status status, String action) {
        int updated = jdbc.sql("""
                        update vol_offer set status = :s, published_at = case when :s = 'PUBLISHED' then coalesce(published_at, :now) else published_at end,
                            updated_at = :now, version = version + 1 where id = :id and version = :version""")
                .param("s", status.name()).param("now", Timestamp.from(clock.instant())).param("id", o.id()).param("version", version).update();
        stale(updated);
        audit.record(actor, action, "vol_offer", o.id(), o.groupName() + ": " + o.title());
    }

    private record CheckedOffer(OfferKind kind, String title, String description, List<String> fields, List<String> areas,
                                String conditions, LocalDate validUntil) {
    }

    private CheckedOffer checkOffer(InvalidInputException.Checks checks, OfferInput in) {
        OfferKind kind = checks.check(() -> kind(OfferKind.class, in.kind()));
        String title = checks.check(() -> Inputs.required("title", in.title(), 100));
        String description = checks.check(() -> Inputs.required("description", in.description(), 4000));
        List<String> fields = checks.check(() -> codes("fields", in.fields(), groups.fields(), false));
        List<String> areas = checks.check(() -> codes("areas", in.areas(), groups.areas(), true));
        String conditions = checks.check(() -> Inputs.optional("conditions", in.conditions(), 2000));
        LocalDate validUntil = checks.check(() -> Inputs.date("validUntil", in.validUntil()));
        if (validUntil != null && validUntil.isBefore(today())) {
            checks.check(() -> {
                throw new InvalidInputException("validUntil", "validation.contrib.validUntilPast");
            });
        }
        return new CheckedOffer(kind, title, description, fields, areas, conditions, validUntil);
    }

    private Groups.GroupProfile businessGroup(long accountId, String rawGroupId) {
        Long id = id(rawGroupId);
        return businessGroups(accountId).stream().filter(g -> id != null && g.id() == id).findFirst()
                .orElseThrow(() -> new InvalidInputException("groupId", "validation.contrib.notBusiness"));
    }

    /** An offer as its group's managers see it (hidden or not); 404 for anyone else. */
    @Transactional(readOnly = true)
    Offer offerForManager(long id, long accountId) {
        Offer o = offers("where o.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Contributions::notFound);
        if (!groups.manages(o.groupId(), accountId)) {
            throw notFound();
        }
        return o;
    }

    /** A published or closed offer that is not hidden; 404 otherwise. */
    @Transactional(readOnly = true)
    Offer publicOffer(long id) {
        return offers("where o.id = :id and o.status <> 'DRAFT' and o.hidden_at is null", Map.of("id", id)).stream().findFirst()
                .orElseThrow(Contributions::notFound);
    }

    /** An offer one may talk about: a public one, or one's own group's (even a draft or hidden one). */
    @Transactional(readOnly = true)
    java.util.Optional<Offer> offerToTalkAbout(long id, long accountId) {
        return offers("where o.id = :id", Map.of("id", id)).stream().findFirst()
                .filter(o -> (o.status() != Status.DRAFT && !o.hidden()) || groups.manages(o.groupId(), accountId));
    }

    @Transactional(readOnly = true)
    long offerGroup(long id) {
        return jdbc.sql("select group_id from vol_offer where id = :id").param("id", id).query(Long.class).single();
    }

    /** Published, not hidden, not expired offers, newest first, filtered by kind, field and area (each optional). */
    @Transactional(readOnly = true)
    List<Offer> publicOffers(OfferKind kind, String field, String area) {
        return openOffers().stream().filter(o -> kind == null || o.kind() == kind)
                .filter(o -> blank(field) || o.fieldCodes().contains(field))
                .filter(o -> blank(area) || o.areaCodes().contains(area) || o.areaCodes().contains(ContributionMatcher.CITY_WIDE)).toList();
    }

    private List<Offer> openOffers() {
        return offers("where o.status = 'PUBLISHED' and o.hidden_at is null and (o.valid_until is null or o.valid_until >= :today)",
                Map.of("today", today()));
    }

    @Transactional(readOnly = true)
    List<Offer> offersOf(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of() : offers("where o.group_id in (:ids)", Map.of("ids", ids));
    }

    private List<Offer> offers(String where, Map<String, ?> params) {
        return jdbc.sql("select o.*, g.name group_name from vol_offer o join civic_group g on g.id = o.group_id " + where
                        + " order by o.created_at desc, o.id desc").params(params)
                .query((rs, i) -> new Offer(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                        OfferKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                        split(rs.getString("field_codes")), split(rs.getString("area_codes")), rs.getString("conditions"),
                        date(rs, "valid_until"), Status.valueOf(rs.getString("status")), rs.getLong("version"), instant(rs, "hidden_at"),
                        rs.getString("hidden_reason"), instant(rs, "created_at"))).list();
    }

    // ---- Needs ----

    @Transactional
    long createNeed(Actor actor, NeedInput in) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Groups.GroupProfile group = checks.check(() -> {
            Long gid = id(in.groupId());
            return registeredGroups(actor.accountId()).stream().filter(g -> gid != null && g.id() == gid).findFirst()
                    .orElseThrow(() -> new InvalidInputException("groupId", "validation.contrib.notManager"));
        });
        CheckedNeed n = checkNeed(checks, in);
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into vol_need (group_id, kind, title, description, field_codes, area_code, needed_by, status, created_by,
                            created_at, updated_at)
                        values (:g, :k, :t, :d, :f, :a, :by_when, 'PUBLISHED', :by, :now, :now) returning id""")
                .param("g", group.id()).param("k", n.kind().name()).param("t", n.title()).param("d", n.description())
                .param("f", String.join(",", n.fields())).param("a", n.area()).param("by_when", n.neededBy()).param("by", actor.accountId())
                .param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record(actor, "need.create", "vol_need", id, group.name() + ": " + n.title());
        return id;
    }

    @Transactional
    void updateNeed(Actor actor, long id, long version, NeedInput in) {
        Need current = needForManager(id, actor.accountId());
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        CheckedNeed n = checkNeed(checks, in);
        checks.throwIfAny();
        int updated = jdbc.sql("""
                        update vol_need set kind = :k, title = :t, description = :d, field_codes = :f, area_code = :a, needed_by = :by_when,
                            updated_at = :now, version = version + 1 where id = :id and version = :version""")
                .param("k", n.kind().name()).param("t", n.title()).param("d", n.description()).param("f", String.join(",", n.fields()))
                .param("a", n.area()).param("by_when", n.neededBy()).param("now", Timestamp.from(clock.instant())).param("id", id)
                .param("version", version).update();
        stale(updated);
        audit.record(actor, "need.update", "vol_need", id, current.groupName() + ": " + n.title());
    }

    /** Closes a need (fulfilled or no longer needed), or opens it again. */
    @Transactional
    void setNeedStatus(Actor actor, long id, long version, Status status) {
        Need n = needForManager(id, actor.accountId());
        int updated = jdbc.sql("update vol_need set status = :s, updated_at = :now, version = version + 1 where id = :id and version = :version")
                .param("s", status.name()).param("now", Timestamp.from(clock.instant())).param("id", id).param("version", version).update();
        stale(updated);
        audit.record(actor, status == Status.CLOSED ? "need.close" : "need.reopen", "vol_need", id, n.groupName() + ": " + n.title());
    }

    private record CheckedNeed(NeedKind kind, String title, String description, List<String> fields, String area, LocalDate neededBy) {
    }

    private CheckedNeed checkNeed(InvalidInputException.Checks checks, NeedInput in) {
        NeedKind kind = checks.check(() -> kind(NeedKind.class, in.kind()));
        String title = checks.check(() -> Inputs.required("title", in.title(), 100));
        String description = checks.check(() -> Inputs.required("description", in.description(), 4000));
        List<String> fields = checks.check(() -> codes("fields", in.fields(), groups.fields(), false));
        List<String> area = checks.check(() -> codes("area", in.area() == null ? List.of() : List.of(in.area()), groups.areas(), true));
        LocalDate neededBy = checks.check(() -> Inputs.date("neededBy", in.neededBy()));
        if (neededBy != null && neededBy.isBefore(today())) {
            checks.check(() -> {
                throw new InvalidInputException("neededBy", "validation.contrib.neededByPast");
            });
        }
        return new CheckedNeed(kind, title, description, fields, area == null ? null : area.getFirst(), neededBy);
    }

    @Transactional(readOnly = true)
    Need needForManager(long id, long accountId) {
        Need n = needs("where n.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(Contributions::notFound);
        if (!groups.manages(n.groupId(), accountId)) {
            throw notFound();
        }
        return n;
    }

    @Transactional(readOnly = true)
    Need publicNeed(long id) {
        return needs("where n.id = :id and n.hidden_at is null", Map.of("id", id)).stream().findFirst().orElseThrow(Contributions::notFound);
    }

    @Transactional(readOnly = true)
    java.util.Optional<Need> needToTalkAbout(long id, long accountId) {
        return needs("where n.id = :id", Map.of("id", id)).stream().findFirst()
                .filter(n -> !n.hidden() || groups.manages(n.groupId(), accountId));
    }

    @Transactional(readOnly = true)
    List<Need> publicNeeds(NeedKind kind, String field, String area) {
        return openNeeds().stream().filter(n -> kind == null || n.kind() == kind)
                .filter(n -> blank(field) || n.fieldCodes().contains(field))
                .filter(n -> blank(area) || area.equals(n.areaCode()) || ContributionMatcher.CITY_WIDE.equals(n.areaCode())).toList();
    }

    private List<Need> openNeeds() {
        return needs("where n.status = 'PUBLISHED' and n.hidden_at is null", Map.of());
    }

    @Transactional(readOnly = true)
    List<Need> needsOf(long accountId) {
        List<Long> ids = groups.managedBy(accountId).stream().map(Groups.GroupProfile::id).toList();
        return ids.isEmpty() ? List.of() : needs("where n.group_id in (:ids)", Map.of("ids", ids));
    }

    private List<Need> needs(String where, Map<String, ?> params) {
        return jdbc.sql("select n.*, g.name group_name from vol_need n join civic_group g on g.id = n.group_id " + where
                        + " order by n.created_at desc, n.id desc").params(params)
                .query((rs, i) -> new Need(rs.getLong("id"), rs.getLong("group_id"), rs.getString("group_name"),
                        NeedKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("description"),
                        split(rs.getString("field_codes")), rs.getString("area_code"), date(rs, "needed_by"),
                        Status.valueOf(rs.getString("status")), rs.getLong("version"), instant(rs, "hidden_at"), rs.getString("hidden_reason"),
                        instant(rs, "created_at"))).list();
    }

    // ---- Suggestions ----

    /** The open needs that fit an offer best (hidden, closed and the offer's own group's needs never appear). */
    @Transactional(readOnly = true)
    List<Suggestion> needsFor(Offer offer, Locale locale) {
        Map<Long, Need> open = openNeeds().stream().collect(Collectors.toMap(Need::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ContributionMatcher.Match> matches = ContributionMatcher.needsFor(facts(offer),
                open.values().stream().map(this::facts).toList(), SUGGESTIONS);
        Labels labels = labels(locale);
        return matches.stream().map(m -> {
            Need n = open.get(m.needId());
            return new Suggestion(offer.id(), n.id(), n.title(), n.path(), n.groupName(), m.score(), labels.reasons(m));
        }).toList();
    }

    /** The open offers that fit a need best. */
    @Transactional(readOnly = true)
    List<Suggestion> offersFor(Need need, Locale locale) {
        Map<Long, Offer> open = openOffers().stream().collect(Collectors.toMap(Offer::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<ContributionMatcher.Match> matches = ContributionMatcher.offersFor(facts(need),
                open.values().stream().map(this::facts).toList(), SUGGESTIONS);
        Labels labels = labels(locale);
        return matches.stream().map(m -> {
            Offer o = open.get(m.offerId());
            return new Suggestion(o.id(), need.id(), o.title(), o.path(), o.groupName(), m.score(), labels.reasons(m));
        }).toList();
    }

    private ContributionMatcher.OfferFacts facts(Offer o) {
        return new ContributionMatcher.OfferFacts(o.id(), o.groupId(), o.kind(), Set.copyOf(o.fieldCodes()), Set.copyOf(o.areaCodes()),
                words(o.title(), o.description()));
    }

    private ContributionMatcher.NeedFacts facts(Need n) {
        return new ContributionMatcher.NeedFacts(n.id(), n.groupId(), n.kind(), Set.copyOf(n.fieldCodes()), n.areaCode(),
                words(n.title(), n.description()));
    }

    private Set<String> words(String title, String description) {
        return new LinkedHashSet<>(search.keywords(title + "\n" + description));
    }

    /** Turns the matcher's codes into sentences in the reader's language. */
    private final class Labels {
        private final Locale locale;
        private final Map<String, String> fields;
        private final Map<String, String> areas;

        Labels(Locale locale) {
            this.locale = locale;
            this.fields = labelMap(groups.fields(), locale);
            this.areas = labelMap(groups.areas(), locale);
        }

        List<String> reasons(ContributionMatcher.Match m) {
            return m.reasons().stream().map(r -> {
                List<String> items = r.items();
                Object arg0 = switch (r.type()) {
                    case KIND -> messages.getMessage("contrib.offerKind." + items.get(0), null, locale);
                    case FIELD -> fields.getOrDefault(items.getFirst(), items.getFirst());
                    case AREA -> areas.getOrDefault(items.getFirst(), items.getFirst());
                    case WORDS -> String.join(", ", items);
                };
                Object arg1 = r.type() == ContributionMatcher.ReasonType.KIND
                        ? messages.getMessage("contrib.needKind." + items.get(1), null, locale) : "";
                return messages.getMessage("contrib.reason." + r.type(), new Object[] {arg0, arg1}, locale);
            }).toList();
        }
    }

    private Labels labels(Locale locale) {
        return new Labels(locale);
    }

    static Map<String, String> labelMap(List<Choice> choices, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        choices.forEach(c -> out.put(c.code(), c.label(locale)));
        return out;
    }

    // ---- Cooperations and public details ----

    @Transactional(readOnly = true)
    long cooperationsOfOffer(long offerId) {
        return jdbc.sql("select count(*) from vol_cooperation where offer_id = :id").param("id", offerId).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    long cooperationsOfNeed(long needId) {
        return jdbc.sql("select count(*) from vol_cooperation where need_id = :id").param("id", needId).query(Long.class).single();
    }

    /** Whether the group has a public directory page (registered groups only), for a link from a post. */
    @Transactional(readOnly = true)
    boolean listed(long groupId) {
        return groups.isListed(groupId);
    }

    Map<String, String> fieldNames(Locale locale) {
        return labelMap(groups.fields(), locale);
    }

    Map<String, String> areaNames(Locale locale) {
        return labelMap(groups.areas(), locale);
    }

    List<Choice> fields() {
        return groups.fields().stream().filter(Choice::active).toList();
    }

    List<Choice> areas() {
        return groups.areas().stream().filter(Choice::active).toList();
    }

    // ---- Moderation ----

    @Transactional
    void hide(String table, long id, String reason, Instant at) {
        jdbc.sql("update " + table + " set hidden_at = :at, hidden_reason = :r where id = :id")
                .param("at", Timestamp.from(at)).param("r", reason).param("id", id).update();
    }

    @Transactional
    void unhide(String table, long id) {
        jdbc.sql("update " + table + " set hidden_at = null, hidden_reason = null where id = :id").param("id", id).update();
    }

    // ---- Helpers ----

    private static void stale(int updated) {
        if (updated == 0) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private static <E extends Enum<E>> E kind(Class<E> type, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", "validation.contrib.kind");
        }
    }

    /** The chosen codes, each one of the choices; at least one when required. */
    private static List<String> codes(String field, Collection<String> raw, List<Choice> choices, boolean required) {
        Set<String> known = choices.stream().map(Choice::code).collect(Collectors.toSet());
        List<String> out = new ArrayList<>();
        for (String c : raw == null ? List.<String>of() : raw) {
            if (c == null || c.isBlank()) {
                continue;
            }
            if (!known.contains(c.strip())) {
                throw new InvalidInputException(field, "validation.contrib.unknownChoice");
            }
            if (!out.contains(c.strip())) {
                out.add(c.strip());
            }
        }
        if (required && out.isEmpty()) {
            throw new InvalidInputException(field, "validation.contrib.chooseArea");
        }
        return out;
    }

    static Long id(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static List<String> split(String codes) {
        return codes == null || codes.isBlank() ? List.of() : Arrays.stream(codes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
