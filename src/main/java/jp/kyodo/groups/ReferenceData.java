package jp.kyodo.groups;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The fields of activity and the areas: loaded from the settings into an empty database, then read from it. */
@Component
@Order(5)
class ReferenceData implements ApplicationRunner {

    private final ActivityFields fields;
    private final ActivityAreas areas;
    private final RegistrySettings settings;
    private final org.springframework.context.ApplicationEventPublisher events;

    ReferenceData(ActivityFields fields, ActivityAreas areas, RegistrySettings settings,
                  org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.fields = fields;
        this.areas = areas;
        this.settings = settings;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (fields.count() == 0) {
            int i = 0;
            for (RegistrySettings.Entry e : settings.fields()) {
                fields.save(new ActivityField(e.code(), e.name(), e.nameEn(), ++i));
            }
        }
        if (areas.count() == 0) {
            int i = 0;
            for (RegistrySettings.Entry e : settings.areas()) {
                areas.save(new ActivityArea(e.code(), e.name(), e.nameEn(), ++i));
            }
        }
        snapshot = null;
    }

    /** The two lists as read at one moment. */
    private record Snapshot(List<Choice> fields, List<Choice> areas, Map<String, Choice> fieldsByCode,
                            Map<String, Choice> areasByCode, long readAt) {
    }

    /**
     * Every group shown needs its field and area names: the lists are read once and kept for a short while
     * (another portal node's change shows within that time; this node's own change at once).
     */
    private static final long SNAPSHOT_MILLIS = 30_000;
    private volatile Snapshot snapshot;

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.currentTimeMillis() - current.readAt() > SNAPSHOT_MILLIS) {
            List<Choice> f = fields.findAllByOrderBySortOrderAsc().stream().map(ActivityField::toChoice).toList();
            List<Choice> a = areas.findAllByOrderBySortOrderAsc().stream().map(ActivityArea::toChoice).toList();
            current = new Snapshot(f, a, f.stream().collect(Collectors.toMap(Choice::code, Function.identity())),
                    a.stream().collect(Collectors.toMap(Choice::code, Function.identity())), System.currentTimeMillis());
            snapshot = current;
        }
        return current;
    }

    List<Choice> fields() {
        return snapshot().fields();
    }

    List<Choice> areas() {
        return snapshot().areas();
    }

    /** Adds or changes a field of activity (an administrator's setting); codes are never reused for another meaning. */
    @Transactional
    void saveField(String code, String name, String nameEn, boolean active) {
        fields.findById(code).ifPresentOrElse(f -> f.update(name, nameEn, active),
                () -> fields.save(new ActivityField(code, name, nameEn, (int) fields.count() + 1)));
        fields.flush();
        snapshot = null;
        events.publishEvent(new Renamed("field", code));
    }

    @Transactional
    void saveArea(String code, String name, String nameEn, boolean active) {
        areas.findById(code).ifPresentOrElse(a -> a.update(name, nameEn, active),
                () -> areas.save(new ActivityArea(code, name, nameEn, (int) areas.count() + 1)));
        areas.flush();
        snapshot = null;
        events.publishEvent(new Renamed("area", code));
    }

    /** A field or area was added, renamed or retired: the groups that carry it are indexed again with its new name. */
    record Renamed(String list, String code) {
    }

    Map<String, Choice> fieldsByCode() {
        return snapshot().fieldsByCode();
    }

    Map<String, Choice> areasByCode() {
        return snapshot().areasByCode();
    }

    Optional<Choice> area(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(areasByCode().get(code));
    }
}
