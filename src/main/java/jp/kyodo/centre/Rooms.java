package jp.kyodo.centre;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The centre's rooms as administrators keep them: name, capacity, equipment and the two hourly rates (activity rate
 * for registered groups, standard rate for others), order and whether they can be booked. Another city describes its
 * own centre here; existing bookings keep the fee they were quoted.
 */
@Service
class Rooms {

    /** A room as the administrator edits it. */
    record AdminRoom(long id, String code, String name, String nameEn, int capacity, String equipment, String equipmentEn, long activityRate,
                     long standardRate, int sortOrder, boolean active, long version) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;

    Rooms(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<AdminRoom> all() {
        return jdbc.sql("select * from centre_room order by sort_order, id").query((rs, i) -> new AdminRoom(rs.getLong("id"), rs.getString("code"),
                rs.getString("name"), rs.getString("name_en"), rs.getInt("capacity"), rs.getString("equipment"), rs.getString("equipment_en"),
                rs.getLong("activity_rate"), rs.getLong("standard_rate"), rs.getInt("sort_order"), rs.getBoolean("active"), rs.getLong("version")))
                .list();
    }

    Optional<AdminRoom> find(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst();
    }

    /** Creates (id null) or updates a room; every problem is named next to its field. */
    @Transactional
    long save(Actor admin, Long id, Map<String, String> in) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String code = id != null ? null : checks.check(() -> {
            String c = Inputs.required("code", in.get("code"), 40);
            if (!c.matches("[a-z0-9-]+")) {
                throw new InvalidInputException("code", "validation.room.code");
            }
            return c;
        });
        String name = checks.check(() -> Inputs.required("name", in.get("name"), 100));
        String nameEn = checks.check(() -> Inputs.optional("nameEn", in.get("nameEn"), 100));
        Integer capacity = checks.check(() -> required(Inputs.integer("capacity", in.get("capacity"), 1, 2000), "capacity"));
        String equipment = checks.check(() -> Inputs.optional("equipment", in.get("equipment"), 500));
        String equipmentEn = checks.check(() -> Inputs.optional("equipmentEn", in.get("equipmentEn"), 500));
        Long activity = checks.check(() -> required(Inputs.yen("activityRate", in.get("activityRate")), "activityRate"));
        Long standard = checks.check(() -> required(Inputs.yen("standardRate", in.get("standardRate")), "standardRate"));
        Integer order = checks.check(() -> Optional.ofNullable(Inputs.integer("sortOrder", in.get("sortOrder"), 0, 999)).orElse(100));
        if (activity != null && standard != null && activity > standard) {
            checks.check(() -> {
                throw new InvalidInputException("activityRate", "validation.room.activityAboveStandard");
            });
        }
        checks.throwIfAny();
        boolean active = id == null || in.containsKey("active");
        if (id == null) {
            try {
                long created = jdbc.sql("""
                                insert into centre_room (code, name, name_en, capacity, equipment, equipment_en, activity_rate, standard_rate, sort_order, active)
                                values (:code, :n, :ne, :cap, :eq, :eqe, :ar, :sr, :o, true) returning id""")
                        .param("code", code).param("n", name).param("ne", nameEn).param("cap", capacity).param("eq", equipment).param("eqe", equipmentEn)
                        .param("ar", activity).param("sr", standard).param("o", order).query(Long.class).single();
                audit.record(admin, "room.create", "centre_room", created, name);
                return created;
            } catch (DuplicateKeyException e) {
                throw new InvalidInputException("code", "validation.room.codeTaken");
            }
        }
        long version;
        try {
            version = Long.parseLong(in.getOrDefault("version", "-1"));
        } catch (NumberFormatException e) {
            version = -1;
        }
        int n = jdbc.sql("""
                        update centre_room set name = :n, name_en = :ne, capacity = :cap, equipment = :eq, equipment_en = :eqe, activity_rate = :ar,
                            standard_rate = :sr, sort_order = :o, active = :act, version = version + 1 where id = :id and version = :v""")
                .param("n", name).param("ne", nameEn).param("cap", capacity).param("eq", equipment).param("eqe", equipmentEn).param("ar", activity)
                .param("sr", standard).param("o", order).param("act", active).param("id", id).param("v", version).update();
        if (n == 0) {
            find(id).orElseThrow(Bookings::notFound);
            throw new InvalidInputException("version", "validation.staleForm");
        }
        audit.record(admin, "room.update", "centre_room", id, name + " " + activity + "/" + standard + (active ? "" : " (inactive)"));
        return id;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return value;
    }
}
