package jp.kyodo.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A department of the city (担当課). */
@Entity
@Table(name = "department")
class Department {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_en")
    private String nameEn;

    private boolean secretariat;

    private boolean active = true;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Department() {
    }

    Department(String code, String name, String nameEn, boolean secretariat, Instant now) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.secretariat = secretariat;
        this.createdAt = now;
    }

    void update(String name, String nameEn, boolean secretariat, boolean active) {
        this.name = name;
        this.nameEn = nameEn;
        this.secretariat = secretariat;
        this.active = active;
    }

    Long id() { return id; }
    String code() { return code; }
    String name() { return name; }
    String nameEn() { return nameEn; }
    boolean secretariat() { return secretariat; }
    boolean active() { return active; }
    long version() { return version; }

    DepartmentView toView() {
        return new DepartmentView(id, code, name, nameEn, secretariat, active, version);
    }
}
