package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.SignedInUser;
import jp.kyodo.collaboration.FinishedProjectFixture;
import jp.kyodo.collaboration.FinishedProjects;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.CollaborationForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo news and case studies load into the real schema (rolled back): eight news items with one scheduled for next
 * week and not public; eight published case studies over three fiscal years and many forms, one drafted from a project.
 */
@IntegrationTest
class PublishingDemoDataTest {

    @Autowired Environment environment;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;
    @Autowired CityProfile city;
    @Autowired TestPeople people;
    @Autowired NewsDesk desk;
    @Autowired CaseStudies cases;
    @Autowired FinishedProjects projects;
    @Autowired FinishedProjectFixture fixture;

    @Test
    void loadsEightNewsItemsOneScheduledForNextWeek() {
        SignedInUser staff = people.account("demo-news", null, "STAFF");
        tx.executeWithoutResult(status -> {
            Instant before = Instant.now();
            long scheduled = new NewsDemo(jdbc, accounts, tx, clock, city, environment).load(staff.accountId());
            List<Long> ids = jdbc.sql("select id from pub_news where created_by = :s").param("s", staff.accountId()).query(Long.class).list();
            assertThat(ids).hasSize(8);
            List<Long> visible = desk.allPublic().stream().map(NewsDesk.NewsItem::id).filter(ids::contains).toList();
            assertThat(visible).hasSize(6).doesNotContain(scheduled);
            assertThat(desk.find(scheduled).scheduledAt(before)).isTrue();
            assertThat(desk.find(scheduled).publishAt()).isBetween(before.plusSeconds(5 * 86_400), before.plusSeconds(8 * 86_400));
            assertThat(jdbc.sql("select count(distinct category) from pub_news where id in (:ids)").param("ids", ids).query(Long.class).single())
                    .isGreaterThanOrEqualTo(4);
            status.setRollbackOnly();
        });
    }

    @Test
    void loadsEightCaseStudiesOverThreeFiscalYearsOneDraftedFromAProject() {
        SignedInUser staff = people.account("demo-case", null, "STAFF");
        long project = fixture.publishedProject(staff, NewsIntegrationTest.word());
        tx.executeWithoutResult(status -> {
            List<Long> ids = new CaseStudyDemo(cases, projects, accounts, jdbc, tx, clock, environment).load(staff, List.of(project));
            assertThat(ids).hasSize(8);
            List<CaseStudies.CaseStudy> loaded = ids.stream().map(cases::find).toList();
            assertThat(loaded).allMatch(CaseStudies.CaseStudy::published);
            assertThat(loaded.stream().filter(c -> c.projectId() != null).map(CaseStudies.CaseStudy::projectId)).containsExactly(project);
            assertThat(loaded.stream().map(CaseStudies.CaseStudy::fiscalYear).distinct()).contains(2024, 2025, 2026);
            assertThat(loaded.stream().map(CaseStudies.CaseStudy::form).distinct()).containsAll(List.of(CollaborationForm.values()));
            assertThat(loaded.stream().flatMap(c -> c.fields().stream()).map(f -> f.code()).distinct().count()).isGreaterThanOrEqualTo(8);
            assertThat(loaded).allMatch(c -> c.budget() != null && c.partnerGroups() != null && c.outcomes() != null);
            status.setRollbackOnly();
        });
    }
}
