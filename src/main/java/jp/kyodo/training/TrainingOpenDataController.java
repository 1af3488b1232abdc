package jp.kyodo.training;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.ApiPage;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Published training courses as open data, with their sessions; never a registrant. */
@RestController
class TrainingOpenDataController {

    private final Courses courses;

    TrainingOpenDataController(Courses courses) {
        this.courses = courses;
    }

    /** One session of a course. */
    record SessionJson(int number, LocalDate heldOn, LocalTime startsAt, LocalTime endsAt, String topic) {
    }

    /** A course with its sessions. */
    record CourseJson(long id, String title, String description, String lecturer, String place, String target, int capacity, int fee,
                      LocalDate opensOn, LocalDate closesOn, String organiser, String phase, List<SessionJson> sessions, String url) {
    }

    static final List<String> COLUMNS = List.of("ID", "講座名", "内容", "講師", "会場", "対象", "定員", "受講料(円)", "申込開始日",
            "申込締切日", "主催課", "状況", "回数", "初回開催日", "最終回開催日", "日程", "URL");

    @Bean
    static OpenDataset coursesDataset() {
        return new OpenDataset("courses", "講座・講習会", "Training courses",
                "市が開催する講座・講習会と、その各回の日時。受講者の情報は含まない。",
                "Courses the city holds, with the date and time of each session. No registrant's data.",
                "/opendata/courses.csv", "/api/v1/courses", COLUMNS, 50);
    }

    @GetMapping("/api/v1/courses")
    @Operation(summary = "Training courses (講座・講習会)", description = "Published courses by first session, with their sessions.")
    ApiPage<CourseJson> courses(@Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
                                @Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return ApiPage.of(courses.publicList().stream().map(c -> json(c, base)).toList(), page, size);
    }

    @GetMapping("/opendata/courses.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "courses.csv", COLUMNS);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        for (Courses.Course c : courses.publicList()) {
            CourseJson j = json(c, base);
            String schedule = j.sessions().stream().map(s -> s.number() + ": " + s.heldOn() + " " + s.startsAt() + "-" + s.endsAt())
                    .collect(Collectors.joining(" / "));
            out.write(Csv.row(Arrays.asList(String.valueOf(j.id()), j.title(), j.description(), j.lecturer(), j.place(), j.target(),
                    String.valueOf(j.capacity()), String.valueOf(j.fee()), text(j.opensOn()), text(j.closesOn()), j.organiser(), j.phase(),
                    String.valueOf(j.sessions().size()), text(c.firstDay()), text(c.lastDay()), schedule, j.url())));
        }
        out.flush();
    }

    private static CourseJson json(Courses.Course c, String base) {
        return new CourseJson(c.id(), c.title(), c.description(), c.lecturer(), c.place(), c.target().name(), c.capacity(), c.fee(),
                c.opensOn(), c.closesOn(), c.departmentName(), c.phase().name(),
                c.sessions().stream().map(s -> new SessionJson(s.number(), s.heldOn(), s.startsAt(), s.endsAt(), s.topic())).toList(),
                base + "/training/courses/" + c.id());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
