package jp.kyodo.collaboration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An adopted proposal carried out as a project: AGREEMENT ──start──▶ RUNNING ──complete──▶ COMPLETED ──publish──▶ PUBLISHED.
 * It starts when both sides have confirmed the agreement, completes when the completion report is accepted, and is
 * published with its evaluation.
 */
@Entity
@Table(name = "collab_project")
class Project {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProjectStatus status;

    private Instant startedAt;
    private Instant publishedAt;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Project() {
    }

    static Project of(long proposalId, Instant now) {
        Project p = new Project();
        p.proposalId = proposalId;
        p.status = ProjectStatus.AGREEMENT;
        p.createdAt = now;
        p.updatedAt = now;
        return p;
    }

    void start(Instant now) {
        move(ProjectStatus.AGREEMENT, ProjectStatus.RUNNING, now);
        startedAt = now;
    }

    void complete(Instant now) {
        move(ProjectStatus.RUNNING, ProjectStatus.COMPLETED, now);
    }

    void publish(Instant now) {
        move(ProjectStatus.COMPLETED, ProjectStatus.PUBLISHED, now);
        publishedAt = now;
    }

    private void move(ProjectStatus from, ProjectStatus to, Instant now) {
        if (status != from) {
            throw new IllegalStateException("A project in " + status + " cannot become " + to);
        }
        status = to;
        updatedAt = now;
    }

    Long id() { return id; }
    Long proposalId() { return proposalId; }
    ProjectStatus status() { return status; }
    Instant startedAt() { return startedAt; }
    Instant publishedAt() { return publishedAt; }
    long version() { return version; }
}
