package jp.kyodo.groups;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The registered groups as data: JSON at /api/v1/groups and CSV (UTF-8 with BOM, for Excel) at
 * /opendata/groups.csv. Public information only; a person's contact details only where they consented.
 */
@RestController
class OpenDataController {

    static final int MAX_SIZE = 100;

    private final GroupDirectory directory;

    OpenDataController(GroupDirectory directory) {
        this.directory = directory;
    }

    /** One group in the API. */
    record GroupJson(long id, String registrationNumber, String type, String name, String nameKana, LocalDate foundedOn,
                     Integer membersCount, String membershipFee, Named area, List<Named> fields, String purpose,
                     String activities, String website, String socialLinks, String meetingPlace, String meetingTimes,
                     boolean welcomesMembers, boolean welcomesVolunteers, PersonJson representative, PersonJson contact,
                     LocalDate registeredOn, LocalDate validUntil, String url) {
    }

    /** A code and its name. */
    record Named(String code, String name) {
    }

    /** A person: the name, and each contact detail only where its owner consented (absent otherwise). */
    record PersonJson(String name, String address, String phone, String email) {
    }

    /** A page of groups. */
    record GroupPage(List<GroupJson> items, long total, int page, int size) {
    }

    @GetMapping("/api/v1/groups")
    @io.swagger.v3.oas.annotations.Operation(summary = "Registered civic groups (登録団体)",
            description = "Groups listed in the public directory, found with Japanese search (kana and width insensitive). "
                    + "Public fields only; contact details only where their owner consented.")
    GroupPage groups(
            @io.swagger.v3.oas.annotations.Parameter(description = "Words to find, e.g. こそだて") @RequestParam(required = false) String q,
            @io.swagger.v3.oas.annotations.Parameter(description = "Type of group") @RequestParam(required = false) GroupType type,
            @io.swagger.v3.oas.annotations.Parameter(description = "Field code, e.g. kosodate") @RequestParam(required = false) String field,
            @io.swagger.v3.oas.annotations.Parameter(description = "Area code, e.g. honjo") @RequestParam(required = false) String area,
            @io.swagger.v3.oas.annotations.Parameter(description = "Page number from 0") @RequestParam(defaultValue = "0") int page,
            @io.swagger.v3.oas.annotations.Parameter(description = "Page size, at most 100") @RequestParam(defaultValue = "20") int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_SIZE));
        GroupDirectory.Found found = directory.find(new GroupDirectory.Query(q, type, field, area, false), page, pageSize);
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        return new GroupPage(found.groups().stream().map(g -> json(g, base)).toList(), found.total(), found.page(), found.size());
    }

    @GetMapping("/opendata/groups.csv")
    void csv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"groups.csv\"; filename*=UTF-8''groups.csv");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(row(List.of("登録番号", "団体の種類", "団体名", "団体名フリガナ", "設立年月日", "会員数", "会費", "活動地区", "活動分野",
                "目的", "活動内容", "ウェブサイト", "活動場所", "活動日時", "会員募集", "ボランティア募集", "代表者氏名", "代表者住所",
                "代表者電話", "代表者メール", "連絡担当者氏名", "連絡担当者住所", "連絡担当者電話", "連絡担当者メール", "登録日", "有効期限")));
        for (PublicGroup g : directory.all()) {
            out.write(row(List.of(nz(g.registrationNumber()), g.type().name(), nz(g.name()), nz(g.nameKana()), date(g.foundedOn()),
                    g.membersCount() == null ? "" : g.membersCount().toString(), nz(g.membershipFee()),
                    g.area() == null ? "" : g.area().name(), g.fields().stream().map(Choice::name).collect(Collectors.joining("・")),
                    nz(g.purpose()), nz(g.activities()), nz(g.website()), nz(g.meetingPlace()), nz(g.meetingTimes()),
                    g.welcomesMembers() ? "1" : "0", g.welcomesVolunteers() ? "1" : "0",
                    nz(g.representativeName()), nz(g.representativeContact().address()), nz(g.representativeContact().phone()),
                    nz(g.representativeContact().email()), nz(g.contactName()), nz(g.contactContact().address()),
                    nz(g.contactContact().phone()), nz(g.contactContact().email()), date(g.registeredOn()), date(g.validUntil()))));
        }
        out.flush();
    }

    private static GroupJson json(PublicGroup g, String base) {
        return new GroupJson(g.id(), g.registrationNumber(), g.type().name(), g.name(), g.nameKana(), g.foundedOn(), g.membersCount(),
                g.membershipFee(), g.area() == null ? null : new Named(g.area().code(), g.area().name()),
                g.fields().stream().map(f -> new Named(f.code(), f.name())).toList(), g.purpose(), g.activities(), g.website(),
                g.socialLinks(), g.meetingPlace(), g.meetingTimes(), g.welcomesMembers(), g.welcomesVolunteers(),
                new PersonJson(g.representativeName(), g.representativeContact().address(), g.representativeContact().phone(),
                        g.representativeContact().email()),
                new PersonJson(g.contactName(), g.contactContact().address(), g.contactContact().phone(), g.contactContact().email()),
                g.registeredOn(), g.validUntil(), base + "/groups/" + g.id());
    }

    /**
     * One CSV line (RFC 4180): every value quoted, quotes doubled, CRLF at the end. A value that Excel would run as
     * a formula (starting with = + - @ or a tab) gets a leading apostrophe, since the text comes from the public.
     */
    static String row(List<String> values) {
        return values.stream().map(OpenDataController::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r＝＋－＠".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
