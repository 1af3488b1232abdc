package jp.kyodo.publishing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The public news as data: JSON at /api/v1/news and CSV at /opendata/news.csv. No personal data: a department at most. */
@RestController
class NewsOpenData {

    static final int MAX_SIZE = 100;
    static final List<String> CSV_COLUMNS = List.of("ID", "公開日時", "更新日時", "分類", "タイトル", "本文", "担当課", "URL");

    private final NewsDesk desk;
    private final CityProfile city;

    NewsOpenData(NewsDesk desk, CityProfile city) {
        this.desk = desk;
        this.city = city;
    }

    /** One news item in the API. */
    record NewsJson(long id, String title, String category, String body, String department, OffsetDateTime published,
                    OffsetDateTime updated, String url) {
    }

    /** A page of news items. */
    record NewsPage(List<NewsJson> items, long total, int page, int size) {
    }

    @Bean
    static OpenDataset newsDataset() {
        return new OpenDataset("news", "お知らせ", "News",
                "市が公開しているお知らせ。公開日時が来たものだけを含みます。",
                "News published by the city; only items whose publication time has come.",
                "/opendata/news.csv", "/api/v1/news", CSV_COLUMNS, 60);
    }

    @GetMapping("/api/v1/news")
    @Operation(summary = "News (お知らせ)", description = "Published news, newest first; scheduled items appear from their publication time on.")
    NewsPage news(@Parameter(description = "Category: NOTICE, RECRUITMENT, EVENT, REPORT or URGENT") @RequestParam(required = false) NewsCategory category,
                  @Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                  @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_SIZE));
        Page<NewsDesk.NewsItem> found = desk.publicList(category, page, pageSize);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new NewsPage(found.getContent().stream().map(n -> json(n, base)).toList(), found.getTotalElements(), found.getNumber(), pageSize);
    }

    @GetMapping("/opendata/news.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "news.csv", CSV_COLUMNS);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        for (NewsDesk.NewsItem n : desk.allPublic()) {
            NewsJson j = json(n, base);
            out.write(Csv.row(List.of(String.valueOf(j.id()), j.published().toString(), j.updated().toString(), j.category(), j.title(),
                    j.body(), j.department() == null ? "" : j.department(), j.url())));
        }
        out.flush();
    }

    private NewsJson json(NewsDesk.NewsItem n, String base) {
        return new NewsJson(n.id(), n.title(), n.category().name(), n.body(), n.departmentName(),
                n.publishAt().atZone(city.zone()).toOffsetDateTime(), n.lastChange().atZone(city.zone()).toOffsetDateTime(),
                base + "/news/" + n.id());
    }
}
