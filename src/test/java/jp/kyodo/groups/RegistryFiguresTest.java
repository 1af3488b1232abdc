package jp.kyodo.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.kyodo.IntegrationTest;
import jp.kyodo.shared.YearlyFigure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registered groups per fiscal year (FY2002 and FY2003, which no other test uses), counted by hand. */
@IntegrationTest
// Rolled back after each test: these rows (some with made-up ids of other records) must not reach other tests' pages.
@org.springframework.transaction.annotation.Transactional
class RegistryFiguresTest {

    @Autowired JdbcClient jdbc;
    @Autowired RegistryFigures figures;

    @Test
    void countsGroupsValidAtTheYearEndByTypeFieldAndAreaAndTheNewlyRegistered() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String f1 = "rf1-" + tag, f2 = "rf2-" + tag, area = "ra-" + tag;
        jdbc.sql("insert into activity_field (code, name, sort_order) values (:c, :n, 900), (:c2, :n2, 901)")
                .param("c", f1).param("n", "福祉" + tag).param("c2", f2).param("n2", "防災" + tag).update();
        jdbc.sql("insert into activity_area (code, name, sort_order) values (:c, :n, 900)").param("c", area).param("n", "児玉" + tag).update();
        long g1 = group("CIVIC", "REGISTERED", "2002-06-01", "2005-03-31", area);
        long g2 = group("CIVIC", "EXPIRED", "2003-05-10", "2004-05-09", area);
        group("COMMUNITY", "EXPIRED", "2003-12-01", "2004-03-30", null);
        group("BUSINESS", "DISSOLVED", "2004-02-01", "2005-01-31", null);
        group("CIVIC", "DRAFT", null, null, area);
        jdbc.sql("insert into civic_group_field (group_id, field_code) values (:g1, :f1), (:g2, :f1), (:g2, :f2)")
                .param("g1", g1).param("g2", g2).param("f1", f1).param("f2", f2).update();

        List<YearlyFigure> result = figures.figures(2002, 2003);

        // At 31 March 2004: g1 and g2 (g3 expired the day before, g4 dissolved, g5 a draft).
        assertThat(value(result, RegistryFigures.BY_TYPE, "CIVIC", 2003)).isEqualTo(2);
        assertThat(value(result, RegistryFigures.BY_TYPE, "COMMUNITY", 2003)).isZero();
        assertThat(value(result, RegistryFigures.BY_FIELD, f1, 2003)).isEqualTo(2);
        assertThat(value(result, RegistryFigures.BY_FIELD, f2, 2003)).isEqualTo(1);
        assertThat(value(result, RegistryFigures.BY_AREA, area, 2003)).isEqualTo(2);
        assertThat(result).anySatisfy(f -> {
            assertThat(f.category()).isEqualTo(f1);
            assertThat(f.categoryName()).isEqualTo("福祉" + tag);
        });
        // Registered during FY2003: g2, g3 and g4, whatever became of them.
        assertThat(value(result, RegistryFigures.NEW, "CIVIC", 2003)).isEqualTo(1);
        assertThat(value(result, RegistryFigures.NEW, "COMMUNITY", 2003)).isEqualTo(1);
        assertThat(value(result, RegistryFigures.NEW, "BUSINESS", 2003)).isEqualTo(1);
        // At 31 March 2003 only g1 was registered.
        assertThat(value(result, RegistryFigures.BY_TYPE, "CIVIC", 2002)).isEqualTo(1);
        assertThat(value(result, RegistryFigures.BY_AREA, area, 2002)).isEqualTo(1);
        assertThat(figures.fieldNames()).containsEntry(f2, "防災" + tag);
    }

    private long group(String type, String status, String registeredOn, String validUntil, String area) {
        return jdbc.sql("""
                        insert into civic_group (type, name, status, registered_on, valid_until, area_code, created_by, created_at, updated_at)
                        values (:t, '集計テスト団体', :s, :r, :v, :a, -1, now(), now()) returning id""")
                .param("t", type).param("s", status)
                .param("r", registeredOn == null ? null : LocalDate.parse(registeredOn))
                .param("v", validUntil == null ? null : LocalDate.parse(validUntil)).param("a", area)
                .query(Long.class).single();
    }

    static long value(List<YearlyFigure> figures, String measure, String category, int year) {
        return figures.stream().filter(f -> f.measure().equals(measure) && f.category().equals(category) && f.fiscalYear() == year)
                .mapToLong(f -> f.value().longValueExact()).sum();
    }
}
