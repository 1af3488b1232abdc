package jp.kyodo.collaboration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.kyodo.shared.CollaborationForm;

/**
 * A call for proposals (募集): the yearly call for resident-proposed projects, or a department's theme
 * (行政提案型テーマ) with its background, expected outcome and budget cap. Its schedule says when proposals are
 * accepted, when consultation must have happened and when the screenings and the result are.
 */
@Entity
@Table(name = "collab_call")
class Call {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallOrigin origin;

    private int fiscalYear;
    private String title;
    private Long departmentId;
    private String background;
    private String expectedOutcome;
    private String rules;
    private Long budgetCap;
    private String areaCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collab_call_form", joinColumns = @JoinColumn(name = "call_id"))
    @Column(name = "form")
    @Enumerated(EnumType.STRING)
    private Set<CollaborationForm> forms = EnumSet.noneOf(CollaborationForm.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "collab_call_field", joinColumns = @JoinColumn(name = "call_id"))
    @Column(name = "field_code")
    private Set<String> fieldCodes = new LinkedHashSet<>();

    private LocalDate applicationOpens;
    private LocalDate applicationCloses;
    private LocalDate consultationDeadline;
    private LocalDate firstScreeningOn;
    private LocalDate secondScreeningOn;
    private LocalDate resultOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallStatus status;

    private Long createdBy;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Call() {
    }

    static Call draft(CallOrigin origin, long departmentId, long createdBy, Instant now) {
        Call c = new Call();
        c.origin = origin;
        c.departmentId = departmentId;
        c.status = CallStatus.DRAFT;
        c.createdBy = createdBy;
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** Everything but the status, as checked by {@link Calls}. */
    void edit(CallForm.Checked f, Instant now) {
        require(status != CallStatus.CLOSED, "A closed call is not edited");
        fiscalYear = f.fiscalYear();
        title = f.title();
        background = f.background();
        expectedOutcome = f.expectedOutcome();
        rules = f.rules();
        budgetCap = f.budgetCap();
        areaCode = f.areaCode();
        forms = f.forms().isEmpty() ? EnumSet.noneOf(CollaborationForm.class) : EnumSet.copyOf(f.forms());
        fieldCodes = new LinkedHashSet<>(f.fieldCodes());
        applicationOpens = f.applicationOpens();
        applicationCloses = f.applicationCloses();
        consultationDeadline = f.consultationDeadline();
        firstScreeningOn = f.firstScreeningOn();
        secondScreeningOn = f.secondScreeningOn();
        resultOn = f.resultOn();
        updatedAt = now;
    }

    void publish(Instant now) {
        require(status == CallStatus.DRAFT, "Only a draft call is published");
        status = CallStatus.PUBLISHED;
        updatedAt = now;
    }

    void close(Instant now) {
        require(status == CallStatus.PUBLISHED, "Only a published call is closed");
        status = CallStatus.CLOSED;
        updatedAt = now;
    }

    /** Published, and today within the application period. */
    boolean accepting(LocalDate today) {
        return status == CallStatus.PUBLISHED && !today.isBefore(applicationOpens) && !today.isAfter(applicationCloses);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    Long id() { return id; }
    CallOrigin origin() { return origin; }
    int fiscalYear() { return fiscalYear; }
    String title() { return title; }
    Long departmentId() { return departmentId; }
    String background() { return background; }
    String expectedOutcome() { return expectedOutcome; }
    String rules() { return rules; }
    Long budgetCap() { return budgetCap; }
    String areaCode() { return areaCode; }
    Set<CollaborationForm> forms() { return forms; }
    Set<String> fieldCodes() { return fieldCodes; }
    LocalDate applicationOpens() { return applicationOpens; }
    LocalDate applicationCloses() { return applicationCloses; }
    LocalDate consultationDeadline() { return consultationDeadline; }
    LocalDate firstScreeningOn() { return firstScreeningOn; }
    LocalDate secondScreeningOn() { return secondScreeningOn; }
    LocalDate resultOn() { return resultOn; }
    CallStatus status() { return status; }
    long version() { return version; }
}
