package jp.kyodo.operations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.api.MigrationVersion;

/** What the backup reads of the portal's schema (the connection's current schema) from PostgreSQL's catalogue. */
final class Schema {

    /** Sessions are not backed up: restoring them would sign people in again whose sessions ended after the backup. */
    static final List<String> EXCLUDED = List.of("spring_session", "spring_session_attributes");
    static final String FLYWAY_HISTORY = "flyway_schema_history";

    private Schema() {
    }

    /** The ordinary tables of the schema, excluding the extensions' own, by name. */
    static List<String> tables(Connection c) throws SQLException {
        return strings(c, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'r'
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                order by c.relname""");
    }

    /** How many relations (tables, views, sequences…) the schema holds apart from the extensions' own. */
    static long relations(Connection c) throws SQLException {
        return number(c, """
                select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')""");
    }

    /** The table's stored columns in order (generated columns are computed again on restore). */
    static List<String> columns(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                select a.attname from pg_attribute a join pg_class t on t.oid = a.attrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = current_schema() and t.relname = ? and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = ''
                order by a.attnum""")) {
            s.setString(1, table);
            return strings(s);
        }
    }

    static List<String> sequences(Connection c) throws SQLException {
        return strings(c, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind = 'S'
                  and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                order by c.relname""");
    }

    /** Each sequence owned by a column (serial, identity), with its table and column. */
    static List<String[]> ownedSequences(Connection c) throws SQLException {
        List<String[]> owned = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select s.relname, t.relname, a.attname from pg_class s
                join pg_namespace n on n.oid = s.relnamespace
                join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
                join pg_class t on t.oid = d.refobjid
                join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
                where n.nspname = current_schema() and s.relkind = 'S' and d.deptype in ('a', 'i')""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                owned.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return owned;
    }

    /**
     * The tables in an order in which each comes after the tables its foreign keys refer to (a table referring to
     * itself is loaded by one COPY, whose foreign-key checks run at its end).
     */
    static List<String> loadOrder(Connection c, List<String> tables) throws SQLException {
        Map<String, Set<String>> refersTo = new TreeMap<>();
        tables.forEach(t -> refersTo.put(t, new LinkedHashSet<>()));
        try (PreparedStatement s = c.prepareStatement("""
                select t.relname, r.relname from pg_constraint k
                join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
                join pg_namespace n on n.oid = t.relnamespace
                where k.contype = 'f' and n.nspname = current_schema() and t.oid <> r.oid""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (refersTo.containsKey(rs.getString(1)) && refersTo.containsKey(rs.getString(2))) {
                    refersTo.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        for (String table : refersTo.keySet()) {
            visit(table, refersTo, state, order);
        }
        return order;
    }

    private static void visit(String table, Map<String, Set<String>> refersTo, Map<String, Integer> state, List<String> order) {
        Integer s = state.get(table);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            throw new BackupException("The tables' foreign keys form a cycle through " + table
                    + "; this restore cannot order them (restore with pg_restore instead)");
        }
        state.put(table, 1);
        for (String referred : refersTo.get(table)) {
            visit(referred, refersTo, state, order);
        }
        state.put(table, 2);
        order.add(table);
    }

    /** The highest schema version Flyway applied successfully, or {@code null} when Flyway never ran here. */
    static MigrationVersion flywayVersion(Connection c) throws SQLException {
        if (number(c, "select count(*) from pg_tables where schemaname = current_schema() and tablename = '" + FLYWAY_HISTORY + "'") == 0) {
            return null;
        }
        MigrationVersion highest = null;
        for (String v : strings(c, "select version from " + FLYWAY_HISTORY + " where success and version is not null")) {
            MigrationVersion version = MigrationVersion.fromVersion(v);
            if (highest == null || version.compareTo(highest) > 0) {
                highest = version;
            }
        }
        return highest;
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String columnList(List<String> columns) {
        return String.join(", ", columns.stream().map(Schema::quote).toList());
    }

    static long number(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            return strings(s);
        }
    }

    private static List<String> strings(PreparedStatement s) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
