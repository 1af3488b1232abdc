package jp.kyodo.collaboration;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.search.SearchDocumentChanged;
import org.springframework.context.ApplicationEventPublisher;
import jp.kyodo.groups.Choice;
import jp.kyodo.groups.Groups;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * The secretariat's yearly call and the departments' themes: prepared as drafts, published, closed. A department
 * edits only its own themes; the secretariat (administrators) edits every call.
 */
@Service
class CallManagement {

    private final CallRepository calls;
    private final Accounts accounts;
    private final Groups groups;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final jp.kyodo.notifications.Notices notices;
    private final ApplicationEventPublisher events;

    CallManagement(CallRepository calls, Accounts accounts, Groups groups, AuditLog audit, Clock clock, CityProfile city,
                   org.springframework.jdbc.core.simple.JdbcClient jdbc, jp.kyodo.notifications.Notices notices,
                   ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.events = events;
        this.calls = calls;
        this.accounts = accounts;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    /** Who is acting on calls: an administrator may act on any, a department's staff on their department's themes. */
    record Editor(Actor actor, Long departmentId, boolean administrator) {
    }

    @Transactional
    long create(Editor editor, CallOrigin origin, CallForm form) {
        long department = departmentFor(editor, origin);
        CallForm.Checked checked = form.check(origin, codes(groups.fields()), codes(groups.areas()));
        Instant now = clock.instant();
        Call call = Call.draft(origin, department, editor.actor().accountId(), now);
        call.edit(checked, now);
        calls.save(call);
        audit.record(editor.actor(), "call.create", "collab_call", call.id(), checked.title());
        return call.id();
    }

    @Transactional
    void edit(Editor editor, long callId, CallForm form) {
        Call call = editable(editor, callId);
        if (call.version() != form.getVersion()) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (call.status() == CallStatus.CLOSED) {
            throw new InvalidInputException("version", "validation.call.closed");
        }
        if (screeningStarted(callId)) {
            throw new InvalidInputException("version", "validation.call.screeningStarted");
        }
        call.edit(form.check(call.origin(), codes(groups.fields()), codes(groups.areas())), clock.instant());
        audit.record(editor.actor(), "call.edit", "collab_call", callId, call.title());
        indexIfPublic(call);
    }

    @Transactional
    void publish(Editor editor, long callId, long version) {
        Call call = editable(editor, callId);
        if (call.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (call.status() != CallStatus.DRAFT) {
            throw new InvalidInputException("version", "validation.call.notDraft");
        }
        call.publish(clock.instant());
        audit.record(editor.actor(), "call.publish", "collab_call", callId, call.title());
        indexIfPublic(call);
        notices.announce(new jp.kyodo.notifications.Announcement(jp.kyodo.notifications.NoticeKind.COLLABORATION,
                topics(call, jp.kyodo.notifications.Announcement.ALL_THEMES), call.title(), "/collaboration/calls/" + callId,
                jp.kyodo.notifications.Announcement.News.NEW_CALL));
    }

    /** The topics a call's news reaches: the catch-all given, the call's fields and its area. */
    static java.util.List<String> topics(Call call, String catchAll) {
        java.util.List<String> topics = new java.util.ArrayList<>(java.util.List.of(catchAll));
        call.fieldCodes().forEach(f -> topics.add(jp.kyodo.notifications.Announcement.field(f)));
        if (call.areaCode() != null) {
            topics.add(jp.kyodo.notifications.Announcement.area(call.areaCode()));
        }
        return topics;
    }

    @Transactional
    void close(Editor editor, long callId, long version) {
        Call call = editable(editor, callId);
        if (call.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
        if (call.status() != CallStatus.PUBLISHED) {
            throw new InvalidInputException("version", "validation.call.notPublished");
        }
        call.close(clock.instant());
        audit.record(editor.actor(), "call.close", "collab_call", callId, call.title());
        indexIfPublic(call);
    }

    // Published in the transaction of the change, so that the index follows only what was committed.
    private void indexIfPublic(Call call) {
        if (call.status() != CallStatus.DRAFT) {
            events.publishEvent(new SearchDocumentChanged(CallSearchSource.document(view(call))));
        }
    }

    /** The calls an editor may manage: all for administrators, the department's own themes for its staff. */
    @Transactional(readOnly = true)
    List<CallView> manageable(Editor editor) {
        List<Call> found = editor.administrator() ? calls.findAllByOrderByFiscalYearDescApplicationOpensDesc()
                : editor.departmentId() == null ? List.of()
                : calls.findByDepartmentIdOrderByFiscalYearDescApplicationOpensDesc(editor.departmentId());
        return views(found);
    }

    @Transactional(readOnly = true)
    CallView forEditor(Editor editor, long callId) {
        return view(editable(editor, callId));
    }

    /** Published calls and themes, open ones first, for the public. */
    @Transactional(readOnly = true)
    List<CallView> published() {
        return views(calls.findByStatusOrderByApplicationClosesAsc(CallStatus.PUBLISHED)).stream()
                .sorted(Comparator.comparing(CallView::accepting).reversed().thenComparing(CallView::applicationCloses)).toList();
    }

    /** A call the public may see (published or closed), else not found. */
    @Transactional(readOnly = true)
    CallView publicView(long callId) {
        Call call = calls.findById(callId).filter(c -> c.status() != CallStatus.DRAFT).orElseThrow(CallManagement::notFound);
        return view(call);
    }

    @Transactional(readOnly = true)
    CallView view(long callId) {
        return view(calls.findById(callId).orElseThrow(CallManagement::notFound));
    }

    private boolean screeningStarted(long callId) {
        return jdbc.sql("select count(*) from collab_screening where call_id = :c and status <> 'SETUP'").param("c", callId)
                .query(Long.class).single() > 0;
    }

    Call editable(Editor editor, long callId) {
        Call call = calls.findById(callId).orElseThrow(CallManagement::notFound);
        if (!editor.administrator() && !call.departmentId().equals(editor.departmentId())) {
            throw notFound();
        }
        return call;
    }

    private long departmentFor(Editor editor, CallOrigin origin) {
        if (origin == CallOrigin.GROUP) {
            if (!editor.administrator()) {
                throw notFound();
            }
            return accounts.secretariat().map(DepartmentView::id)
                    .orElseThrow(() -> new InvalidInputException("title", "validation.call.noSecretariat"));
        }
        if (editor.departmentId() == null) {
            throw new InvalidInputException("title", "validation.call.noDepartment");
        }
        return editor.departmentId();
    }

    List<CallView> views(List<Call> found) {
        return found.stream().map(this::view).toList();
    }

    CallView view(Call c) {
        Map<String, Choice> fields = groups.fields().stream().collect(Collectors.toMap(Choice::code, Function.identity()));
        String department = accounts.department(c.departmentId()).map(d -> d.name()).orElse("");
        return view(c, fields, c.areaCode() == null ? List.of() : groups.areas(), department);
    }

    /** Views of several calls by id, reading the fields and areas once and each department once. */
    Map<Long, CallView> viewsById(Iterable<Call> cs) {
        Map<String, Choice> fields = groups.fields().stream().collect(Collectors.toMap(Choice::code, Function.identity()));
        List<Choice> areas = groups.areas();
        Map<Long, String> departments = new java.util.HashMap<>();
        Map<Long, CallView> out = new java.util.HashMap<>();
        for (Call c : cs) {
            String department = departments.computeIfAbsent(c.departmentId(),
                    id -> accounts.department(id).map(d -> d.name()).orElse(""));
            out.put(c.id(), view(c, fields, areas, department));
        }
        return out;
    }

    private CallView view(Call c, Map<String, Choice> fields, List<Choice> areas, String department) {
        Choice area = c.areaCode() == null ? null : areas.stream().filter(a -> a.code().equals(c.areaCode())).findFirst().orElse(null);
        return new CallView(c.id(), c.origin(), c.fiscalYear(), c.title(), c.departmentId(), department, c.background(),
                c.expectedOutcome(), c.rules(), c.budgetCap(), c.areaCode(), area, Set.copyOf(c.forms()), Set.copyOf(c.fieldCodes()),
                c.fieldCodes().stream().map(fields::get).filter(java.util.Objects::nonNull).toList(), c.applicationOpens(),
                c.applicationCloses(), c.consultationDeadline(), c.firstScreeningOn(), c.secondScreeningOn(), c.resultOn(),
                c.status(), c.version(), c.accepting(today()));
    }

    private static Set<String> codes(List<Choice> choices) {
        return choices.stream().filter(Choice::active).map(Choice::code).collect(Collectors.toSet());
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
