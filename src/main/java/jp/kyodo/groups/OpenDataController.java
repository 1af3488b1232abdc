package jp.kyodo.groups;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletResponse;
import jp.kyodo.shared.Csv;
import jp.kyodo.shared.OpenDataset;
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

    static final List<String> CSV_COLUMNS = List.of("登録番号", "団体の種類", "団体名", "団体名フリガナ", "設立年月日", "会員数", "会費",
            "活動地区", "活動分野", "目的", "活動内容", "ウェブサイト", "活動場所", "活動日時", "会員募集", "ボランティア募集", "代表者氏名",
            "代表者住所", "代表者電話", "代表者メール", "連絡担当者氏名", "連絡担当者住所", "連絡担当者電話", "連絡担当者メール", "登録日", "有効期限");

    /** The registry's entry in the open data catalogue. */
    @org.springframework.context.annotation.Bean
    static OpenDataset groupsDataset() {
        return new OpenDataset("groups", "登録市民活動団体", "Registered civic groups",
                "市民活動団体登録制度に登録され、公開されている団体。代表者・連絡担当者の住所・電話・メールは本人が公開に同意した項目のみ。",
                "Groups registered and listed in the public directory. A person's address, phone and e-mail only where that person consented.",
                "/opendata/groups.csv", "/api/v1/groups", CSV_COLUMNS, 10);
    }

    @GetMapping("/opendata/groups.csv")
    void csv(HttpServletResponse response) throws IOException {
        Writer out = Csv.download(response, "groups.csv", CSV_COLUMNS);
        for (PublicGroup g : directory.all()) {
            out.write(Csv.row(List.of(nz(g.registrationNumber()), g.type().name(), nz(g.name()), nz(g.nameKana()), date(g.foundedOn()),
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

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
