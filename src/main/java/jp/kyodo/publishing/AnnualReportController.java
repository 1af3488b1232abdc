package jp.kyodo.publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public annual report: the page of a fiscal year with its charts and tables, its figures as CSV and as a PDF. */
@Controller
class AnnualReportController {

    private final AnnualReports reports;

    AnnualReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping("/report")
    String latest(Model model, Locale locale) {
        return reports.latestYear().map(year -> page(year, model, locale)).orElse("publishing/report/empty");
    }

    @GetMapping("/report/{year:\\d{4}}")
    String year(@PathVariable int year, Model model, Locale locale) {
        return page(year, model, locale);
    }

    @GetMapping("/report/{year:\\d{4}}/figures.csv")
    void csv(@PathVariable int year, Locale locale, HttpServletResponse response) {
        AnnualReport report = find(year, locale);
        try (Writer out = Csv.download(response, "annual-report-" + year + ".csv", reports.csvHeadings(locale))) {
            for (String line : reports.csv(report, locale)) {
                out.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/report/{year:\\d{4}}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year, Locale locale) {
        AnnualReport report = find(year, locale);
        return Downloads.attachment("年度報告_" + year + ".pdf", "application/pdf", reports.pdf(report, locale));
    }

    private String page(int year, Model model, Locale locale) {
        model.addAttribute("report", find(year, locale));
        return "publishing/report/report";
    }

    private AnnualReport find(int year, Locale locale) {
        return reports.report(year, locale).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
