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

    ReferenceData(ActivityFields fields, ActivityAreas areas, RegistrySettings settings) {
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
    }

    @Transactional(readOnly = true)
    List<Choice> fields() {
        return fields.findAllByOrderBySortOrderAsc().stream().map(ActivityField::toChoice).toList();
    }

    @Transactional(readOnly = true)
    List<Choice> areas() {
        return areas.findAllByOrderBySortOrderAsc().stream().map(ActivityArea::toChoice).toList();
    }

    /** Adds or changes a field of activity (an administrator's setting); codes are never reused for another meaning. */
    @Transactional
    void saveField(String code, String name, String nameEn, boolean active) {
        fields.findById(code).ifPresentOrElse(f -> f.update(name, nameEn, active),
                () -> fields.save(new ActivityField(code, name, nameEn, (int) fields.count() + 1)));
    }

    @Transactional
    void saveArea(String code, String name, String nameEn, boolean active) {
        areas.findById(code).ifPresentOrElse(a -> a.update(name, nameEn, active),
                () -> areas.save(new ActivityArea(code, name, nameEn, (int) areas.count() + 1)));
    }

    Map<String, Choice> fieldsByCode() {
        return fields().stream().collect(Collectors.toMap(Choice::code, Function.identity()));
    }

    Map<String, Choice> areasByCode() {
        return areas().stream().collect(Collectors.toMap(Choice::code, Function.identity()));
    }

    Optional<Choice> area(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(areasByCode().get(code));
    }
}
