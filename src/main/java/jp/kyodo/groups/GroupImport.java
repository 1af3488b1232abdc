package jp.kyodo.groups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.search.SearchDocumentChanged;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.JapaneseDates;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the city's existing register from a CSV file: a preview checks every row, and the import registers all
 * rows in one transaction or none. Imported people's contact details stay private until they consent.
 */
@Service
class GroupImport {

    static final long MAX_BYTES = 5L * 1024 * 1024;

    /** The columns, found by their Japanese header in any order. */
    enum Column {
        NAME("団体名", true), NAME_KANA("団体名フリガナ", false), TYPE("団体の種類", false), FOUNDED_ON("設立年月日", false),
        MEMBERS("会員数", true), FEE("会費", false), AREA("活動地区", false), FIELDS("活動分野", false), PURPOSE("目的", false),
        ACTIVITIES("活動内容", false), WEBSITE("ウェブサイト", false), REP_NAME("代表者氏名", true), REP_PHONE("代表者電話", false),
        REP_EMAIL("代表者メール", false), CONTACT_NAME("連絡担当者氏名", false), CONTACT_PHONE("連絡担当者電話", false),
        CONTACT_EMAIL("連絡担当者メール", false), NUMBER("登録番号", false), REGISTERED_ON("登録日", false),
        VALID_UNTIL("有効期限", false);

        final String header;
        final boolean required;

        Column(String header, boolean required) {
            this.header = header;
            this.required = required;
        }
    }

    /** One refused value: the message key takes the column's label as {0}, then the arguments. */
    public record Problem(Column column, String messageKey, Object... arguments) {
    }

    /** A row's values as they will be registered; a value that failed its check is null. */
    public record Parsed(GroupType type, String name, String nameKana, LocalDate foundedOn, Integer membersCount, String membershipFee,
                  String areaCode, Set<String> fieldCodes, String purpose, String activities, String website, Person representative,
                  Person contact, String registrationNumber, LocalDate registeredOn, LocalDate validUntil) {
    }

    /** A data row of the file: its row number, what it said, what it means and what is wrong with it. */
    public record Row(int line, Map<Column, String> raw, Parsed parsed, List<Problem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }

        public String raw(String column) {
            return raw.getOrDefault(Column.valueOf(column), "");
        }
    }

    /** The whole file checked: file-level problems (message keys with arguments) and every row. */
    public record Preview(String encoding, List<FileProblem> fileProblems, List<Row> rows) {

        public long validCount() {
            return rows.stream().filter(Row::valid).count();
        }

        public long invalidCount() {
            return rows.size() - validCount();
        }

        public boolean importable() {
            return fileProblems.isEmpty() && !rows.isEmpty() && invalidCount() == 0;
        }
    }

    /** A problem with the whole file. */
    public record FileProblem(String messageKey, Object... arguments) {
    }

    /** The import was refused because the file has problems; nothing was registered. */
    static final class RefusedException extends RuntimeException {
        private final transient Preview preview;

        RefusedException(Preview preview) {
            super("The import file has problems");
            this.preview = preview;
        }

        Preview preview() {
            return preview;
        }
    }

    private final CivicGroups groups;
    private final GroupHistory history;
    private final GroupRegistry registry;
    private final ReferenceData reference;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final GroupPeople people;

    GroupImport(CivicGroups groups, GroupHistory history, GroupRegistry registry, ReferenceData reference, AuditLog audit,
                JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, GroupPeople people) {
        this.groups = groups;
        this.history = history;
        this.registry = registry;
        this.people = people;
        this.reference = reference;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Checks the file without changing anything. */
    @Transactional(readOnly = true)
    Preview preview(byte[] content) {
        if (content == null || content.length == 0) {
            return new Preview("", List.of(new FileProblem("groupImport.file.empty")), List.of());
        }
        CsvReader.Decoded decoded = CsvReader.decode(content);
        String encoding = decoded.charset().equals(CsvReader.SHIFT_JIS) ? "Shift_JIS" : "UTF-8";
        List<CsvReader.Row> records;
        try {
            records = CsvReader.parse(decoded.text());
        } catch (CsvReader.MalformedCsvException e) {
            return new Preview(encoding, List.of(new FileProblem("groupImport.file.malformed")), List.of());
        }
        if (records.isEmpty()) {
            return new Preview(encoding, List.of(new FileProblem("groupImport.file.noRows")), List.of());
        }
        Map<Column, Integer> positions = new EnumMap<>(Column.class);
        List<String> header = records.getFirst().fields();
        for (int i = 0; i < header.size(); i++) {
            String name = TextNormalizer.normalizeWidth(header.get(i).replace("\uFEFF", "")).replaceAll("[\\s\\p{Z}]", "");
            for (Column c : Column.values()) {
                if (c.header.equals(name)) {
                    positions.putIfAbsent(c, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required && !positions.containsKey(c)) {
                missing.add(c.header);
            }
        }
        if (!missing.isEmpty()) {
            return new Preview(encoding, List.of(new FileProblem("groupImport.file.missingColumns", String.join("、", missing))),
                    List.of());
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> numbersInFile = new HashMap<>();
        Set<String> taken = new HashSet<>(existingNumbers(records, positions.get(Column.NUMBER)));
        for (CsvReader.Row record : records.subList(1, records.size())) {
            Map<Column, String> raw = new EnumMap<>(Column.class);
            positions.forEach((c, i) -> raw.put(c, record.field(i).strip()));
            rows.add(check(record.number(), raw, numbersInFile, taken));
        }
        if (rows.isEmpty()) {
            return new Preview(encoding, List.of(new FileProblem("groupImport.file.noRows")), List.of());
        }
        return new Preview(encoding, List.of(), rows);
    }

    /** Registers every row of the file, or nothing if any row (or the file) has a problem. */
    @Transactional
    int importAll(byte[] content, Actor staff) {
        Preview preview = preview(content);
        if (!preview.importable()) {
            throw new RefusedException(preview);
        }
        Set<String> numbersInUse = new HashSet<>();
        preview.rows().stream().map(r -> r.parsed().registrationNumber()).filter(n -> n != null).forEach(numbersInUse::add);
        for (Row row : preview.rows()) {
            Parsed p = row.parsed();
            Instant now = clock.instant();
            CivicGroup group = CivicGroup.draft(p.type(), p.name(), p.nameKana(), staff.accountId(), now);
            group.editBasics(p.type(), p.name(), p.nameKana(), p.foundedOn(), p.membersCount(), p.membershipFee(), p.areaCode(), now);
            group.editActivities(p.fieldCodes(), p.purpose(), p.activities(), p.website(), null, null, null, false, false, now);
            group.editPeople(p.representative(), p.contact(), now);
            group.submit(now);
            String number = p.registrationNumber() != null ? p.registrationNumber() : freshNumber(p.registeredOn(), numbersInUse);
            group.approve(number, p.registeredOn(), p.validUntil(), now);
            groups.save(group);
            history.save(new GroupHistoryEntry(group.id(), now, staff.accountId(), staff.displayName(), "imported", number));
            audit.record(staff, "group.import", "civic_group", group.id(), number);
            people.inviteCarriedOverGroup(group, staff);
            events.publishEvent(new SearchDocumentChanged(GroupSearchSource.document(registry.publicView(group))));
        }
        return preview.rows().size();
    }

    /** The next number of the fiscal year that neither the file nor the registry uses (the city's numbers may run ahead). */
    private String freshNumber(LocalDate registeredOn, Set<String> inUse) {
        while (true) {
            String number = registry.issueNumber(FiscalYear.of(registeredOn));
            if (!inUse.contains(number) && existingNumbers(List.of(number)).isEmpty()) {
                inUse.add(number);
                return number;
            }
        }
    }

    private List<String> existingNumbers(List<CsvReader.Row> records, Integer position) {
        if (position == null) {
            return List.of();
        }
        List<String> numbers = records.stream().skip(1).map(r -> TextNormalizer.normalizeWidth(r.field(position)))
                .filter(n -> !n.isBlank()).distinct().toList();
        return existingNumbers(numbers);
    }

    private List<String> existingNumbers(List<String> numbers) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select registration_number from civic_group where registration_number in (:numbers)")
                .param("numbers", numbers).query(String.class).list();
    }

    private Row check(int line, Map<Column, String> raw, Map<String, Integer> numbersInFile, Set<String> taken) {
        List<Problem> problems = new ArrayList<>();
        Checker k = new Checker(raw, problems);
        String name = k.required(Column.NAME, GroupRegistry.NAME_MAX);
        String kana = k.kana(Column.NAME_KANA);
        GroupType type = k.type();
        LocalDate founded = k.date(Column.FOUNDED_ON, true);
        Integer members = k.members();
        String fee = k.optional(Column.FEE, 200);
        String area = k.area();
        Set<String> fields = k.fields();
        String purpose = k.optional(Column.PURPOSE, GroupRegistry.TEXT_MAX);
        String activities = k.optional(Column.ACTIVITIES, GroupRegistry.TEXT_MAX);
        String website = k.url(Column.WEBSITE);
        String repName = k.required(Column.REP_NAME, 100);
        String repPhone = k.phone(Column.REP_PHONE);
        String repEmail = k.email(Column.REP_EMAIL);
        String contactName = k.optional(Column.CONTACT_NAME, 100);
        String contactPhone = k.phone(Column.CONTACT_PHONE);
        String contactEmail = k.email(Column.CONTACT_EMAIL);
        if (contactName == null && (!k.blank(Column.CONTACT_PHONE) || !k.blank(Column.CONTACT_EMAIL))) {
            problems.add(new Problem(Column.CONTACT_NAME, "groupImport.error.required"));
        }
        String number = k.optional(Column.NUMBER, 50);
        if (number != null) {
            number = TextNormalizer.normalizeWidth(number);
            Integer first = numbersInFile.putIfAbsent(number, line);
            if (first != null) {
                problems.add(new Problem(Column.NUMBER, "groupImport.error.duplicateInFile", number, first));
            } else if (taken.contains(number)) {
                problems.add(new Problem(Column.NUMBER, "groupImport.error.duplicateInRegistry", number));
            }
        }
        LocalDate registeredOn = k.blank(Column.REGISTERED_ON) ? registry.today() : k.date(Column.REGISTERED_ON, true);
        LocalDate validUntil = null;
        if (registeredOn != null) {
            validUntil = k.blank(Column.VALID_UNTIL) ? registry.validUntil(registeredOn) : k.date(Column.VALID_UNTIL, false);
            if (validUntil != null && validUntil.isBefore(registeredOn)) {
                problems.add(new Problem(Column.VALID_UNTIL, "groupImport.error.validUntilBefore"));
            } else if (validUntil != null && validUntil.isBefore(registry.today())) {
                problems.add(new Problem(Column.VALID_UNTIL, "groupImport.error.expired"));
            }
        }
        // Consent to publish is collected separately by the city, so every contact detail starts private.
        Person rep = repName == null ? null : new Person(repName, null, null, null, repPhone, repEmail, false, false, false);
        Person contact = contactName == null ? Person.empty()
                : new Person(contactName, null, null, null, contactPhone, contactEmail, false, false, false);
        Parsed parsed = new Parsed(type, name, kana, founded, members, fee, area, fields, purpose, activities, website, rep, contact,
                number, registeredOn, validUntil);
        return new Row(line, raw, parsed, List.copyOf(problems));
    }

    /** The checks of one row, each adding its problem and returning null for a refused value. */
    private final class Checker {
        private final Map<Column, String> raw;
        private final List<Problem> problems;

        Checker(Map<Column, String> raw, List<Problem> problems) {
            this.raw = raw;
            this.problems = problems;
        }

        boolean blank(Column c) {
            String v = raw.get(c);
            return v == null || v.isBlank();
        }

        private String refuse(Column c, String key, Object... args) {
            problems.add(new Problem(c, key, args));
            return null;
        }

        String optional(Column c, int max) {
            if (blank(c)) {
                return null;
            }
            String v = raw.get(c).strip();
            return v.length() > max ? refuse(c, "groupImport.error.tooLong", max) : v;
        }

        String required(Column c, int max) {
            return blank(c) ? refuse(c, "groupImport.error.required") : optional(c, max);
        }

        String kana(Column c) {
            if (blank(c)) {
                return null;
            }
            String kana = TextNormalizer.furigana(raw.get(c));
            if (!TextNormalizer.isKatakanaReading(kana)) {
                return refuse(c, "groupImport.error.kana");
            }
            return kana.length() > GroupRegistry.NAME_MAX ? refuse(c, "groupImport.error.tooLong", GroupRegistry.NAME_MAX) : kana;
        }

        GroupType type() {
            if (blank(Column.TYPE)) {
                return GroupType.CIVIC;
            }
            String v = TextNormalizer.normalizeWidth(raw.get(Column.TYPE)).replaceAll("[\\s\\p{Z}]", "");
            for (GroupType t : GroupType.values()) {
                if (t.name().equalsIgnoreCase(v)) {
                    return t;
                }
            }
            GroupType t = switch (v.replaceAll("\\(.*\\)$", "")) {
                case "市民活動団体" -> GroupType.CIVIC;
                case "地域コミュニティ団体" -> GroupType.COMMUNITY;
                case "事業者" -> GroupType.BUSINESS;
                case "その他の事業者" -> GroupType.OTHER_ORG;
                default -> null;
            };
            if (t == null) {
                refuse(Column.TYPE, "groupImport.error.type");
            }
            return t;
        }

        LocalDate date(Column c, boolean past) {
            if (blank(c)) {
                return null;
            }
            Optional<LocalDate> date = JapaneseDates.tryParse(raw.get(c));
            if (date.isEmpty()) {
                refuse(c, "groupImport.error.date");
                return null;
            }
            if (past && date.get().isAfter(registry.today())) {
                refuse(c, "groupImport.error.future");
                return null;
            }
            return date.get();
        }

        Integer members() {
            if (blank(Column.MEMBERS)) {
                refuse(Column.MEMBERS, "groupImport.error.required");
                return null;
            }
            try {
                int n = Integer.parseInt(TextNormalizer.normalizeWidth(raw.get(Column.MEMBERS)).replace(",", "").replace("人", "").strip());
                if (n < 1 || n > 1_000_000) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                refuse(Column.MEMBERS, "groupImport.error.number");
                return null;
            }
        }

        String area() {
            if (blank(Column.AREA)) {
                return null;
            }
            String v = key(raw.get(Column.AREA));
            Optional<Choice> found = reference.areas().stream().filter(Choice::active)
                    .filter(a -> key(a.code()).equals(v) || key(a.name()).equals(v) || (a.nameEn() != null && key(a.nameEn()).equals(v)))
                    .findFirst();
            return found.map(Choice::code).orElseGet(() -> refuse(Column.AREA, "groupImport.error.area", raw.get(Column.AREA)));
        }

        Set<String> fields() {
            Set<String> codes = new LinkedHashSet<>();
            if (blank(Column.FIELDS)) {
                return codes;
            }
            List<Choice> known = reference.fields().stream().filter(Choice::active).toList();
            boolean ok = true;
            for (String part : TextNormalizer.normalizeWidth(raw.get(Column.FIELDS)).split("[、,;]")) {
                if (part.isBlank()) {
                    continue;
                }
                // Some field names contain "・" (祭り・イベント): match the whole part first, then its pieces.
                Optional<Choice> whole = field(known, part);
                if (whole.isPresent()) {
                    codes.add(whole.get().code());
                    continue;
                }
                for (String piece : part.split("・")) {
                    if (piece.isBlank()) {
                        continue;
                    }
                    Optional<Choice> one = field(known, piece);
                    if (one.isPresent()) {
                        codes.add(one.get().code());
                    } else {
                        refuse(Column.FIELDS, "groupImport.error.field", piece.strip());
                        ok = false;
                    }
                }
            }
            return ok ? codes : null;
        }

        private Optional<Choice> field(List<Choice> known, String text) {
            String v = key(text);
            return known.stream().filter(f -> key(f.code()).equals(v) || key(f.name()).equals(v)
                    || (f.nameEn() != null && key(f.nameEn()).equals(v))).findFirst();
        }

        String url(Column c) {
            String v = optional(c, 500);
            if (v != null && !v.matches("(?i)https?://[^\\s<>\"]+")) {
                return refuse(c, "groupImport.error.url");
            }
            return v;
        }

        String phone(Column c) {
            if (blank(c)) {
                return null;
            }
            try {
                PhoneNumber phone = PhoneNumber.parse(raw.get(c));
                return phone.display().length() <= 20 ? phone.display() : phone.digits();
            } catch (IllegalArgumentException e) {
                return refuse(c, "groupImport.error.phone");
            }
        }

        String email(Column c) {
            if (blank(c)) {
                return null;
            }
            String e = TextNormalizer.emailAddress(raw.get(c));
            if (!jp.kyodo.shared.Inputs.isEmailAddress(e) || e.length() > 254) {
                return refuse(c, "groupImport.error.email");
            }
            return e;
        }

        private static String key(String text) {
            return TextNormalizer.searchKey(text).replace(" ", "");
        }
    }
}
