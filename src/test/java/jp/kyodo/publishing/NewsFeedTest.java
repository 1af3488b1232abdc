package jp.kyodo.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import jp.kyodo.IntegrationTest;
import jp.kyodo.TestPeople;
import jp.kyodo.accounts.SignedInUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed parses as XML, carries what RFC 4287 requires, escapes what staff typed, and leaves out scheduled items. */
@IntegrationTest
class NewsFeedTest {

    private static final String ATOM = "http://www.w3.org/2005/Atom";

    @Autowired MockMvc mvc;
    @Autowired TestPeople people;
    @Autowired NewsDesk desk;

    @Test
    void theFeedIsValidAtomWithEscapedEntriesNewestFirst() throws Exception {
        SignedInUser staff = people.account("feed-staff", people.department("市民活動推進課", true), "STAFF");
        String word = NewsIntegrationTest.word();
        String tricky = "講座 <b>&</b> \"説明会\" " + word;
        long first = desk.create(staff, Map.of("title", "最初の " + word, "body", "一つ目。\n\n二つ目の段落。", "category", "NOTICE"), true);
        long second = desk.create(staff, Map.of("title", tricky, "body", "本文 <script>x</script> & その他", "category", "EVENT"), true);
        long scheduled = desk.create(staff, Map.of("title", "予約 " + word, "body", "まだ", "category", "EVENT",
                "publishDate", LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(3).toString()), true);

        MvcResult result = mvc.perform(get("/news/feed.xml")).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/atom+xml");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document xml = factory.newDocumentBuilder().parse(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
        Element feed = xml.getDocumentElement();
        assertThat(feed.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(child(feed, "id").getTextContent()).endsWith("/news");
        assertThat(child(feed, "title").getTextContent()).isNotBlank();
        Instant.parse(child(feed, "updated").getTextContent());
        assertThat(child(child(feed, "author"), "name").getTextContent()).isNotBlank();
        assertThat(links(feed)).contains("self:http://localhost/news/feed.xml");

        List<Element> entries = children(feed, "entry");
        List<String> titles = entries.stream().map(e -> child(e, "title").getTextContent()).toList();
        assertThat(titles).contains(tricky, "最初の " + word).doesNotContain("予約 " + word);
        assertThat(titles.indexOf(tricky)).isLessThan(titles.indexOf("最初の " + word));
        Element entry = entries.get(titles.indexOf(tricky));
        assertThat(child(entry, "id").getTextContent()).isEqualTo("http://localhost/news/" + second);
        assertThat(links(entry)).contains("alternate:http://localhost/news/" + second);
        assertThat(child(entry, "summary").getTextContent()).isEqualTo("本文 <script>x</script> & その他");
        Instant.parse(child(entry, "updated").getTextContent());
        Instant.parse(child(entry, "published").getTextContent());
        assertThat(child(child(entry, "author"), "name").getTextContent()).isNotBlank();
        assertThat(child(entry, "category").getAttribute("term")).isEqualTo("EVENT");
        assertThat(first).isNotEqualTo(scheduled);

        // The list page announces the feed to browsers and readers.
        assertThat(mvc.perform(get("/news")).andReturn().getResponse().getContentAsString())
                .contains("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/news/feed.xml\"");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as(name + " in " + parent.getLocalName()).isNotEmpty();
        return found.getFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<String> links(Element parent) {
        return children(parent, "link").stream().map(l -> l.getAttribute("rel") + ":" + l.getAttribute("href")).toList();
    }
}
