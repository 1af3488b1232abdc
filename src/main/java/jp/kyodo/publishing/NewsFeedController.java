package jp.kyodo.publishing;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import jp.kyodo.shared.CityProfile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The news as an Atom feed (RFC 4287) at /news/feed.xml: the latest public items, each with its summary. */
@RestController
class NewsFeedController {

    static final int ENTRIES = 20;
    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
    private static final String NS = "http://www.w3.org/2005/Atom";

    private final NewsDesk desk;
    private final CityProfile city;
    private final String baseUrl;

    NewsFeedController(NewsDesk desk, CityProfile city, @Value("${kyodo.base-url:}") String baseUrl) {
        this.desk = desk;
        this.city = city;
        this.baseUrl = baseUrl;
    }

    @GetMapping("/news/feed.xml")
    ResponseEntity<String> feed() throws XMLStreamException {
        String base = base();
        List<NewsDesk.NewsItem> items = desk.latest(ENTRIES);
        Instant updated = items.stream().map(NewsDesk.NewsItem::lastChange).max(Instant::compareTo).orElse(Instant.EPOCH);
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("feed");
        xml.writeDefaultNamespace(NS);
        xml.writeAttribute("xml:lang", "ja");
        element(xml, "id", base + "/news");
        element(xml, "title", city.portalTitle(Locale.JAPANESE) + " お知らせ");
        element(xml, "updated", time(updated));
        link(xml, "self", base + "/news/feed.xml", "application/atom+xml");
        link(xml, "alternate", base + "/news", "text/html");
        xml.writeStartElement("author");
        element(xml, "name", city.divisionName(Locale.JAPANESE));
        xml.writeEndElement();
        for (NewsDesk.NewsItem item : items) {
            String url = base + "/news/" + item.id();
            xml.writeStartElement("entry");
            element(xml, "id", url);
            element(xml, "title", item.title());
            element(xml, "published", time(item.publishAt()));
            element(xml, "updated", time(item.lastChange()));
            link(xml, "alternate", url, "text/html");
            xml.writeStartElement("author");
            element(xml, "name", item.departmentName() != null ? item.departmentName() : city.divisionName(Locale.JAPANESE));
            xml.writeEndElement();
            xml.writeEmptyElement("category");
            xml.writeAttribute("term", item.category().name());
            element(xml, "summary", NewsText.summary(item.body(), 200));
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return ResponseEntity.ok().contentType(ATOM).body(out.toString());
    }

    private String base() {
        String b = baseUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : baseUrl;
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String href, String type) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        xml.writeAttribute("type", type);
    }

    private static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toInstant());
    }
}
