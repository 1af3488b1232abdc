package jp.kyodo.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Searches every text column of every table for a person's e-mail, name, phone (either form) and address. */
final class PersonSearch {

    private PersonSearch() {
    }

    /** The table.column of every text column holding any of them; mails to be erased once sent are left aside. */
    static List<String> tablesHolding(JdbcClient jdbc, String email, String name, String phone, String address) {
        List<Map<String, Object>> columns = jdbc.sql("""
                select table_name, column_name from information_schema.columns
                where table_schema = 'public' and data_type in ('character varying', 'text', 'character', 'json', 'jsonb')
                order by table_name, column_name""").query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String c = "\"" + column.get("column_name") + "\"";
            String aside = table.equals("mail_outbox") ? " and not erase_when_sent" : "";
            long n = jdbc.sql("select count(*) from \"" + table + "\" where (strpos(lower(" + c + "::text), :e) > 0"
                            + " or strpos(" + c + "::text, :n) > 0 or strpos(" + c + "::text, :p) > 0 or strpos(" + c + "::text, :d) > 0"
                            + " or strpos(" + c + "::text, :a) > 0)" + aside)
                    .param("e", email.toLowerCase()).param("n", name).param("p", phone).param("d", phone.replace("-", ""))
                    .param("a", address).query(Long.class).single();
            if (n > 0) {
                found.add(table + "." + column.get("column_name"));
            }
        }
        return found;
    }
}
