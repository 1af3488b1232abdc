package jp.kyodo.groups;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A field of activity (協働が考えられる分野). */
@Entity
@Table(name = "activity_field")
class ActivityField {

    @Id
    private String code;
    private String name;
    private String nameEn;
    private int sortOrder;
    private boolean active = true;

    protected ActivityField() {
    }

    ActivityField(String code, String name, String nameEn, int sortOrder) {
        this.code = code;
        this.name = name;
        this.nameEn = nameEn;
        this.sortOrder = sortOrder;
    }

    void update(String name, String nameEn, boolean active) {
        this.name = name;
        this.nameEn = nameEn;
        this.active = active;
    }

    Choice toChoice() {
        return new Choice(code, name, nameEn, active);
    }

    boolean active() {
        return active;
    }
}
