package jp.kyodo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log is append-only (the database refuses changes and deletions) and sealed into a hash chain that the
 * check recomputes: a change made behind the database's back is found at the entry where it was made.
 */
@IntegrationTest
class AuditChainIntegrationTest {

    @Autowired AuditLog audit;
    @Autowired AuditChain chain;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired jp.kyodo.TestPeople people;

    @Test
    void administratorsSeeTheCheckOthersDoNot() throws Exception {
        chain.seal();
        var admin = people.account("chain-admin", null, "STAFF", "ADMIN");
        var staff = people.account("chain-staff", null, "STAFF");
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/audit/chain")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(admin)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("改ざんは見つかりませんでした").contains(chain.verify().headHash());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/audit/chain")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(staff)))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(403, 404));
    }

    @Test
    void entriesAreSealedIntoAChainThatChecksOut() {
        String tag = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            int n = i;
            transactions.executeWithoutResult(s -> audit.record("test.chain", "test_record", tag, "変更 " + n + " 「<script>」\u202e"));
        }
        chain.seal();
        assertThat(jdbc.sql("select count(*) from audit_entry where record_id = :t and chain_seq is not null and chain_hash is not null")
                .param("t", tag).query(Long.class).single()).isEqualTo(3);
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).isTrue();
        assertThat(v.checked()).isGreaterThanOrEqualTo(3);
        assertThat(v.headHash()).isEqualTo(jdbc.sql("select chain_hash from audit_entry order by chain_seq desc nulls last limit 1")
                .query(String.class).single());
        // Sealing again changes nothing.
        assertThat(chain.seal()).isZero();
        assertThat(chain.verify().headHash()).isEqualTo(v.headHash());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntryButLetsANameBeErased() {
        String tag = UUID.randomUUID().toString();
        transactions.executeWithoutResult(s -> audit.record("test.chain", "test_record", tag, "承認"));
        chain.seal();
        long id = jdbc.sql("select id from audit_entry where record_id = :t").param("t", tag).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary = '却下' where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set chain_hash = :h where id = :id").param("h", AuditChain.GENESIS).param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update()).hasMessageContaining("append-only");

        // A person who deletes their account leaves the log by name; the chain does not cover the name.
        jdbc.sql("update audit_entry set actor_name = '削除された利用者' where id = :id").param("id", id).update();
        assertThat(chain.verify().intact()).isTrue();
        // Their data in a summary is erased, marked so: the chain holds by the digest sealed; unmarked, it is refused.
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary = '承認(削除済み)' where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        jdbc.sql("update audit_entry set summary = '承認(削除済み)', summary_erased = true where id = :id").param("id", id).update();
        assertThat(chain.verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set summary_erased = false where id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aChangeBehindTheDatabasesBackIsFoundWhereItWasMade() {
        String tag = UUID.randomUUID().toString();
        for (String summary : new String[] {"補助金 交付決定 500,000円", "補助金 交付決定 300,000円", "登録 承認"}) {
            transactions.executeWithoutResult(s -> audit.record("test.chain", "test_record", tag, summary));
        }
        chain.seal();
        long seq = jdbc.sql("select chain_seq from audit_entry where record_id = :t and summary like '%500,000%'").param("t", tag)
                .query(Long.class).single();
        try {
            // Someone with the database owner's rights switches the guard off and changes an amount.
            tamper("update audit_entry set summary = '補助金 交付決定 5,000,000円' where chain_seq = " + seq);
            AuditChain.Verification v = chain.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBroken()).isEqualTo(seq);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(AuditChainCheck.report(v, new PrintStream(out, true, StandardCharsets.UTF_8))).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("BROKEN at chain position " + seq);
        } finally {
            tamper("update audit_entry set summary = '補助金 交付決定 500,000円' where chain_seq = " + seq);
        }
        assertThat(chain.verify().intact()).isTrue();

        // Removing an entry leaves a gap the check finds too.
        long last = jdbc.sql("select chain_seq from audit_entry where record_id = :t and summary = '登録 承認'").param("t", tag).query(Long.class).single();
        var removed = jdbc.sql("select * from audit_entry where chain_seq = :s").param("s", last - 1).query().singleRow();
        try {
            tamper("delete from audit_entry where chain_seq = " + (last - 1));
            assertThat(chain.verify().firstBroken()).isEqualTo(last);
        } finally {
            tamper("insert into audit_entry select * "
                    + "from json_populate_record(null::audit_entry, '" + toJson(removed).replace("'", "''") + "')");
        }
        AuditChain.Verification restored = chain.verify();
        assertThat(restored.intact()).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AuditChainCheck.report(restored, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("INTACT").contains(restored.headHash());
    }

    private void tamper(String sql) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_no_change").update();
            jdbc.sql(sql).update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_no_change").update();
        });
    }

    private static String toJson(java.util.Map<String, Object> row) {
        StringBuilder json = new StringBuilder("{");
        for (var e : row.entrySet()) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v == null) {
                json.append("null");
            } else if (v instanceof Number) {
                json.append(v);
            } else {
                String text = v instanceof java.sql.Timestamp t ? t.toInstant().toString() : v.toString();
                json.append('"').append(text.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return json.append('}').toString();
    }
}
