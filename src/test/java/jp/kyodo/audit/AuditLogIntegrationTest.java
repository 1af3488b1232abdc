package jp.kyodo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AuditLogIntegrationTest {

    @Autowired AuditLog audit;
    @Autowired TransactionTemplate tx;

    record Person(Long accountId, String displayName) implements Actor {
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void recordsTheSignedInActor() {
        String type = "test-" + UUID.randomUUID();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(new Person(42L, "監査 太郎"), null, java.util.List.of()));
        audit.record("thing.update", type, 7, "changed the title");

        AuditRecord entry = audit.search(new AuditQuery(null, null, type, null, null, null), Pageable.unpaged()).getContent().getFirst();
        assertThat(entry.actorId()).isEqualTo(42L);
        assertThat(entry.actorName()).isEqualTo("監査 太郎");
        assertThat(entry.action()).isEqualTo("thing.update");
        assertThat(entry.recordId()).isEqualTo("7");
        assertThat(entry.summary()).isEqualTo("changed the title");
    }

    @Test
    void nobodySignedInIsTheSystem() {
        String type = "test-" + UUID.randomUUID();
        audit.record("thing.create", type, 1, null);
        assertThat(audit.search(new AuditQuery(null, null, type, null, null, null), Pageable.unpaged()).getContent())
                .singleElement().extracting(AuditRecord::actorName).isEqualTo(AuditLog.SYSTEM);
    }

    @Test
    void aRolledBackChangeLeavesNoTrace() {
        String type = "test-" + UUID.randomUUID();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.record("thing.delete", type, 3, null);
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(audit.search(new AuditQuery(null, null, type, null, null, null), Pageable.unpaged())).isEmpty();
    }

    @Test
    void filtersByActorActionRecordAndDate() {
        String type = "test-" + UUID.randomUUID();
        audit.record(new Person(1L, "佐藤 由紀"), "thing.approve", type, 10, null);
        audit.record(new Person(2L, "小林 健一"), "thing.return", type, 11, null);
        audit.record(new Person(2L, "小林 健一"), "thing.approve", type, 12, null);

        assertThat(audit.search(new AuditQuery("小林", null, type, null, null, null), Pageable.unpaged())).hasSize(2);
        assertThat(audit.search(new AuditQuery(null, "thing.approve", type, null, null, null), Pageable.unpaged())).hasSize(2);
        assertThat(audit.search(new AuditQuery(null, null, type, "11", null, null), Pageable.unpaged()).getContent())
                .singleElement().extracting(AuditRecord::action).isEqualTo("thing.return");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        assertThat(audit.search(new AuditQuery(null, null, type, null, today, today), Pageable.unpaged())).hasSize(3);
        assertThat(audit.search(new AuditQuery(null, null, type, null, today.plusDays(1), null), Pageable.unpaged())).isEmpty();
        // Newest first.
        assertThat(audit.search(new AuditQuery(null, null, type, null, null, null), Pageable.unpaged()).getContent().getFirst().recordId())
                .isEqualTo("12");
        assertThat(audit.recordTypes()).contains(type);
    }
}
