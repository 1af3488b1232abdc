package jp.kyodo.documents;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import jp.kyodo.shared.CityProfile;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Renders a module's Thymeleaf template ({@code templates/<module>/pdf/<name>.html}, well-formed XHTML) to an A4 PDF
 * set in the embedded Japanese font, with the city as author.
 */
@Service
public class PdfDocuments {

    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z][a-z0-9-]*/pdf/[a-z0-9][a-z0-9/_-]*");
    private static final String TEMPLATE_ROOT = "classpath:/templates/";

    // The application's own engine rather than a dedicated one: PDF templates get the portal's messages (#{...}), its
    // beans by name (${@dates.date(d)}) and other templates' fragments exactly as web pages do, with nothing repeated.
    private final ITemplateEngine templateEngine;
    private final ApplicationContext applicationContext;
    private final CityProfile city;
    private final PdfFonts fonts;
    private final String stylesheet;

    PdfDocuments(ITemplateEngine templateEngine, ApplicationContext applicationContext, CityProfile city) {
        this.templateEngine = templateEngine;
        this.applicationContext = applicationContext;
        this.city = city;
        this.fonts = new PdfFonts();
        this.stylesheet = read(applicationContext.getResource("classpath:/documents/pdf.css"));
        // openhtmltopdf has one logger for the whole JVM; setting it again is harmless.
        XRLog.setLoggerImpl(new PdfLog());
    }

    /**
     * Renders {@code template} (e.g. {@code "groups/pdf/registration-certificate"}) with {@code model}; the template
     * also sees {@code city}, the {@link CityProfile}. The template's {@code <title>} becomes the PDF's title. Safe for
     * concurrent use: every call builds its own renderer.
     *
     * @throws IllegalArgumentException if the name is not of the form {@code <module>/pdf/<name>}, the template does
     *         not exist, or the model uses the reserved name {@code city}
     * @throws IllegalStateException if the template does not produce well-formed XHTML with a {@code <title>}
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(locale, "locale");
        if (model.containsKey("city")) {
            throw new IllegalArgumentException("\"city\" is reserved for the city's profile in PDF templates");
        }
        String templateUri = templateUri(template);
        // Images and stylesheets may come from the templates folder (or be data: URIs), never from the network or disk.
        String templatesFolder = templateUri.substring(0, templateUri.length() - (template + ".html").length());
        Document html = parse(template, process(template, model, locale));
        prepare(html, template, locale);

        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .withW3cDocument(html, templateUri)
                .usePdfUaAccessibility(true)
                .useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:")
                        || uri.startsWith(templatesFolder), ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                .toStream(pdf);
        fonts.registerWith(builder);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the PDF template " + template, e);
        }
        return pdf.toByteArray();
    }

    private String process(String template, Map<String, Object> model, Locale locale) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("city", city);
        variables.put(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, null));
        // Beans such as `dates` read the language from LocaleContextHolder, as they do in a web request.
        LocaleContext previous = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale);
        try {
            return templateEngine.process(template, new Context(locale, variables));
        } finally {
            LocaleContextHolder.setLocaleContext(previous);
        }
    }

    private String templateUri(String template) {
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("A PDF template is named <module>/pdf/<name>, not " + template);
        }
        Resource resource = applicationContext.getResource(TEMPLATE_ROOT + template + ".html");
        if (!resource.exists()) {
            throw new IllegalArgumentException("No PDF template templates/" + template + ".html");
        }
        return uri(resource);
    }

    private static Document parse(String template, String xhtml) {
        try {
            // The JDK's own parser, new for each call (parsers are not thread-safe), with no external DTDs or entities.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setExpandEntityReferences(false);
            DocumentBuilder parser = factory.newDocumentBuilder();
            parser.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXParseException e) {
            throw new IllegalStateException("The PDF template " + template + " is not well-formed XHTML (line "
                    + e.getLineNumber() + " of its output): " + e.getMessage(), e);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Cannot parse the output of the PDF template " + template, e);
        }
    }

    /** Adds what every document has: the shared stylesheet first (the template's own rules override it), language and author. */
    private void prepare(Document html, String template, Locale locale) {
        Element root = html.getDocumentElement();
        Element head = child(root, "head");
        Element title = head == null ? null : child(head, "title");
        if (title == null || title.getTextContent().isBlank()) {
            throw new IllegalStateException("The PDF template " + template + " has no <title>; it becomes the PDF's title");
        }
        if (root.getAttribute("lang").isBlank()) {
            root.setAttribute("lang", locale.getLanguage().isEmpty() ? "ja" : locale.getLanguage());
        }
        addMetaUnlessPresent(head, "author", city.cityName(locale));
        // A description is part of an accessible (PDF/UA) document; the title is a fair one for a certificate.
        addMetaUnlessPresent(head, "subject", title.getTextContent().strip());
        String namespace = root.getNamespaceURI();
        Element style = html.createElementNS(namespace, "style");
        style.setTextContent(stylesheet);
        head.insertBefore(style, head.getFirstChild());
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && name.equals(element.getLocalName())) {
                return element;
            }
        }
        return null;
    }

    private static void addMetaUnlessPresent(Element head, String name, String content) {
        for (Node node = head.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && "meta".equals(element.getLocalName())
                    && name.equals(element.getAttribute("name"))) {
                return;
            }
        }
        Element meta = head.getOwnerDocument().createElementNS(head.getNamespaceURI(), "meta");
        meta.setAttribute("name", name);
        meta.setAttribute("content", content);
        head.appendChild(meta);
    }

    private static String read(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static String uri(Resource resource) {
        try {
            return resource.getURL().toExternalForm();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot locate " + resource, e);
        }
    }
}
