package jp.kyodo.publishing;

import java.util.List;
import jp.kyodo.shared.FiscalYear;
import org.springframework.stereotype.Component;

/** Helpers the news and case study templates call as {@code @publishingText}: text as paragraphs, a fiscal year's label. */
@Component("publishingText")
class CaseStudyView {

    /** The text's paragraphs, with web addresses as links (see {@link NewsText}). */
    public List<?> paragraphs(String text) {
        return NewsText.paragraphs(text);
    }

    /** "令和7年度(2025年度)". */
    public String fiscalYear(int startYear) {
        return new FiscalYear(startYear).label();
    }
}
