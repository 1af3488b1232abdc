package jp.kyodo.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A module's part of the personal data the portal holds about a person: what it exports when the person downloads
 * their data, what it erases when they delete their account, and what retention erases from finished procedures.
 * Each module contributes one as a bean, so that the accounts module gathers them without depending on any module.
 */
public interface PersonalDataSection {

    /** Names the section: its title is the message {@code privacy.section.<key>}. */
    String key();

    /** The tables whose rows about a person this section exports and erases (checked against the database catalogue). */
    Set<String> tables();

    /** The person's rows, table by table (a table's key is its name); secrets and file contents left out. */
    Map<String, List<Map<String, Object>>> export(PersonalDataSubject person);

    /**
     * On account deletion: deletes the records nothing needs any more and strips the person's name, address, phone and
     * e-mail from those that must be kept (decisions, public comments, money), replacing them by a neutral label.
     */
    void forget(PersonalDataSubject person);

    /** The kinds of finished procedure whose personal data retention erases after a set time. */
    default List<RetentionRule> retentionRules() {
        return List.of();
    }

    /** The neutral label that replaces a deleted person's name in the records kept. */
    String ERASED_NAME = "削除済み";

    /**
     * A kind of finished procedure (its settings key, e.g. {@code workshop-registrations}) and the erasure of the personal
     * data in the records of that kind that finished before the instant given; the erasure returns how many records it
     * changed or deleted.
     */
    record RetentionRule(String kind, ToIntFunction<Instant> eraseFinishedBefore) {
    }

    /** Helpers for sections written in SQL. */
    final class Rows {

        /** Columns never exported: secrets, and file bytes (the export lists the files, not their contents). */
        private static final Set<String> LEFT_OUT = Set.of("password_hash", "token_hash", "content", "content_key",
                "attribute_bytes", "sender_key", "client_key", "reporter_key");

        private Rows() {
        }

        /** Runs the query with the person's id as {@code :id} and e-mail as {@code :email}. */
        public static List<Map<String, Object>> query(JdbcClient jdbc, String sql, PersonalDataSubject person) {
            JdbcClient.StatementSpec spec = jdbc.sql(sql);
            if (sql.contains(":id")) {
                spec = spec.param("id", person.accountId());
            }
            if (sql.contains(":email")) {
                spec = spec.param("email", person.email());
            }
            if (sql.contains(":name")) {
                spec = spec.param("name", person.name());
            }
            return spec.query().listOfRows().stream().map(Rows::clean).toList();
        }

        /**
         * A text column with the person's e-mail, name, phone and address replaced by the neutral label, for the free texts
         * of records that are kept (a message quoting a phone number, a change notice carrying the old contact details).
         */
        public static String scrubbed(String column) {
            return "replace(replace(replace(replace(" + column + ", :email, :label), :name, :label), :phone, :label), :address, :label)";
        }

        /** Whether a text column mentions the person's e-mail, name, phone or address. */
        public static String mentions(String column) {
            return "(strpos(" + column + ", :email) > 0 or strpos(" + column + ", :name) > 0 or strpos(" + column + ", :phone) > 0"
                    + " or strpos(" + column + ", :address) > 0)";
        }

        /** Runs an update with the person's id, e-mail, name, phone, address and the neutral label as parameters. */
        public static int update(JdbcClient jdbc, String sql, PersonalDataSubject person) {
            JdbcClient.StatementSpec spec = jdbc.sql(sql);
            if (sql.contains(":id")) {
                spec = spec.param("id", person.accountId());
            }
            if (sql.contains(":email")) {
                spec = spec.param("email", person.email());
            }
            if (sql.contains(":name")) {
                spec = spec.param("name", person.name());
            }
            // A missing phone or address stands in as the e-mail: replace() with a null would blank the whole text.
            if (sql.contains(":phone")) {
                spec = spec.param("phone", blank(person.phone()) ? person.email() : person.phone());
            }
            if (sql.contains(":address")) {
                spec = spec.param("address", blank(person.address()) ? person.email() : person.address());
            }
            if (sql.contains(":label")) {
                spec = spec.param("label", ERASED_NAME);
            }
            return spec.update();
        }

        /** Runs a retention update with the cut-off instant as {@code :before} and the neutral label as {@code :label}. */
        public static int before(JdbcClient jdbc, String sql, Instant before) {
            JdbcClient.StatementSpec spec = jdbc.sql(sql).param("before", java.sql.Timestamp.from(before));
            if (sql.contains(":label")) {
                spec = spec.param("label", ERASED_NAME);
            }
            return spec.update();
        }

        /** JDBC's date and time types as java.time values, which the JSON and the page show in ISO and Japanese forms. */
        private static Object plain(Object value) {
            return switch (value) {
                case java.sql.Timestamp t -> t.toInstant();
                case java.sql.Date d -> d.toLocalDate();
                case java.sql.Time t -> t.toLocalTime();
                case null -> null;
                default -> value;
            };
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }

        private static Map<String, Object> clean(Map<String, Object> row) {
            Map<String, Object> out = new LinkedHashMap<>();
            row.forEach((column, value) -> {
                if (!LEFT_OUT.contains(column)) {
                    out.put(column, plain(value));
                }
            });
            return out;
        }
    }
}
