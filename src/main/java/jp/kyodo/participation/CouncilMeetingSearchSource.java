package jp.kyodo.participation;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import jp.kyodo.search.SearchDocument;
import jp.kyodo.search.SearchSource;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.JapaneseDates;
import org.springframework.stereotype.Component;

/** The councils' meetings with their minutes, public on each council's page, as search documents for rebuilding the index. */
@Component
class CouncilMeetingSearchSource implements SearchSource {

    static final String TYPE = "council-meeting";

    private final Councils councils;

    CouncilMeetingSearchSource(Councils councils) {
        this.councils = councils;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Stream<SearchDocument> all() {
        return councils.councils().stream().flatMap(c -> councils.meetings(c.id()).stream().map(m -> document(c, m)));
    }


    @Override
    public Optional<SearchDocument> current(String id) {
        long meetingId = Long.parseLong(id);
        return councils.councilOfMeeting(meetingId).flatMap(councils::council).flatMap(c -> councils.meetings(c.id()).stream()
                .filter(m -> m.id() == meetingId).findFirst().map(m -> document(c, m)));
    }

    /** The meeting as the council page shows it; facets: fiscal year, department. */
    static SearchDocument document(Councils.Council council, Councils.Meeting meeting) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        facets.put("fiscalYear", List.of(String.valueOf(FiscalYear.of(meeting.heldOn()).startYear())));
        facets.put("department", List.of(council.departmentName()));
        String text = String.join("\n", JapaneseDates.format(meeting.heldOn()), nz(meeting.place()), nz(meeting.minutes()),
                council.departmentName(), nz(council.purpose()));
        return new SearchDocument(TYPE, String.valueOf(meeting.id()), council.name() + " " + meeting.title(), text,
                "/participation/councils/" + council.id() + "#meeting-" + meeting.id(), facets,
                meeting.heldOn().atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
