package jp.kyodo.participation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import jp.kyodo.accounts.Accounts;
import jp.kyodo.accounts.DepartmentView;
import jp.kyodo.audit.AuditLog;
import jp.kyodo.notifications.MailOutbox;
import jp.kyodo.shared.Actor;
import jp.kyodo.shared.CityProfile;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.TextNormalizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 審議会・公募委員: the councils a department runs, their members (as the city publishes them) and terms, meetings and
 * minutes; calls for public members with requirements from settings (age, residence, not on another council, not a
 * past public member of the same council), a period of three weeks or more and an essay counted in Japanese
 * characters; selection by scoring the essays, by a public lottery anyone can redo from its published seed, or
 * both (the lottery among those who reach the pass mark); applicants notified and the chosen become members.
 */
@Service
class Councils {

    enum Role { CHAIR, VICE_CHAIR, MEMBER }

    enum Category { EXPERT, ORGANISATION, PUBLIC, OFFICIAL, OTHER }

    enum Method { SCORE, LOTTERY, BOTH }

    enum CallStatus { DRAFT, PUBLISHED, DECIDED }

    /** Where a call stands for the public. */
    enum CallPhase { DRAFT, UPCOMING, OPEN, SELECTING, DECIDED }

    enum ApplicationStatus { SUBMITTED, WITHDRAWN, SELECTED, NOT_SELECTED }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final JdbcClient jdbc;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Accounts accounts;
    private final MailOutbox mail;
    private final AuditLog audit;
    private final Clock clock;
    private final CityProfile city;
    private final ParticipationFiles files;
    private final int minCallDays;
    private final int defaultMinAge;
    private final int defaultEssayLimit;
    private final boolean defaultResidence;
    private final boolean excludeOtherCouncil;
    private final boolean excludePastPublicMember;

    private final jp.kyodo.notifications.Notices notices;

    Councils(JdbcClient jdbc, Accounts accounts, MailOutbox mail, AuditLog audit, Clock clock, CityProfile city, ParticipationFiles files,
             @Value("${kyodo.participation.council.call-min-days:21}") int minCallDays,
             @Value("${kyodo.participation.council.min-age:20}") int defaultMinAge,
             @Value("${kyodo.participation.council.essay-limit:800}") int defaultEssayLimit,
             @Value("${kyodo.participation.council.residence-required:true}") boolean defaultResidence,
             @Value("${kyodo.participation.council.exclude-other-council:true}") boolean excludeOtherCouncil,
             @Value("${kyodo.participation.council.exclude-past-public-member:true}") boolean excludePastPublicMember,
             jp.kyodo.notifications.Notices notices, org.springframework.context.ApplicationEventPublisher events) {
        this.notices = notices;
        this.jdbc = jdbc;
        this.events = events;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.city = city;
        this.files = files;
        this.minCallDays = minCallDays;
        this.defaultMinAge = defaultMinAge;
        this.defaultEssayLimit = defaultEssayLimit;
        this.defaultResidence = defaultResidence;
        this.excludeOtherCouncil = excludeOtherCouncil;
        this.excludePastPublicMember = excludePastPublicMember;
    }

    record Council(long id, long departmentId, String departmentName, String name, String purpose, String basis, int seats, int termYears,
                   long version) {
    }

    record Member(long id, long councilId, String name, Role role, Category category, String affiliation, LocalDate termStart,
                  LocalDate termEnd, boolean current, boolean endingSoon) {

        public boolean upcoming(LocalDate today) {
            return today.isBefore(termStart);
        }
    }

    record Meeting(long id, long councilId, LocalDate heldOn, String title, String place, String minutes, List<ParticipationFiles.File> files) {
    }

    record Call(long id, long councilId, String councilName, long departmentId, int places, LocalDate opensOn, LocalDate closesOn,
                LocalDate termStart, LocalDate termEnd, int minAge, boolean residence, String essayTheme, int essayLimit, Method method,
                Integer passMark, String notes, CallStatus status, String lotterySeed, String lotteryEntries, long version, CallPhase phase,
                long daysLeft, boolean excludeOtherCouncil, boolean excludePastMember) {

        public List<String> entries() {
            return lotteryEntries == null || lotteryEntries.isBlank() ? List.of() : List.of(lotteryEntries.split(","));
        }
    }

    /** An application as the department sees it, with the average score of its raters. */
    record Application(long id, long callId, String number, long accountId, String name, String furigana, LocalDate birthDate, String address,
                       String phone, String occupation, String essay, int characters, ApplicationStatus status, Instant createdAt,
                       Double averageScore, int raters, Integer myScore, Double exactAverage) {
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(city.zone()));
    }

    int minCallDays() {
        return minCallDays;
    }

    int defaultMinAge() {
        return defaultMinAge;
    }

    int defaultEssayLimit() {
        return defaultEssayLimit;
    }

    boolean defaultResidence() {
        return defaultResidence;
    }

    // ---- Councils, members and meetings (the department) ----

    @Transactional
    long createCouncil(Actor staff, long departmentId, String rawName, String rawPurpose, String rawBasis, String rawSeats, String rawTerm) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> Inputs.required("name", rawName, 200));
        String purpose = checks.check(() -> Inputs.required("purpose", rawPurpose, 4000));
        String basis = checks.check(() -> Inputs.optional("basis", rawBasis, 300));
        Integer seats = checks.check(() -> requiredInt("seats", rawSeats, 1, 100));
        Integer term = checks.check(() -> requiredInt("termYears", rawTerm, 1, 10));
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into council (department_id, name, purpose, basis, seats, term_years, created_at, updated_at)
                        values (:d, :n, :p, :b, :s, :t, :now, :now) returning id""")
                .param("d", departmentId).param("n", name).param("p", purpose).param("b", basis).param("s", seats).param("t", term)
                .param("now", Timestamp.from(now)).query(Long.class).single();
        audit.record(staff, "council.create", "council", id, name);
        return id;
    }

    @Transactional
    long addMember(long councilId, Actor staff, Long departmentId, boolean administrator, String rawName, String rawRole, String rawCategory,
                   String rawAffiliation, String rawStart, String rawEnd) {
        Council c = forDepartment(councilId, departmentId, administrator);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> Inputs.required("memberName", rawName, 100));
        Role role = checks.check(() -> parse(Role.class, "memberRole", rawRole));
        Category category = checks.check(() -> parse(Category.class, "memberCategory", rawCategory));
        String affiliation = checks.check(() -> Inputs.optional("affiliation", rawAffiliation, 200));
        LocalDate start = checks.check(() -> Inputs.requiredDate("termStart", rawStart));
        LocalDate end = checks.check(() -> Inputs.requiredDate("termEnd", rawEnd));
        if (start != null && end != null && end.isBefore(start)) {
            checks.check(() -> {
                throw new InvalidInputException("termEnd", "validation.council.termOrder");
            });
        }
        checks.throwIfAny();
        long id = insertMember(c.id(), name, role, category, affiliation, start, end, null, null);
        audit.record(staff, "council.member.add", "council", c.id(), name);
        return id;
    }

    /** Ends a member's term early (resignation): the member moves to the history from the day given (today). */
    @Transactional
    void endMember(long councilId, long memberId, Actor staff, Long departmentId, boolean administrator) {
        Council c = forDepartment(councilId, departmentId, administrator);
        LocalDate yesterday = today().minusDays(1);
        // Someone whose term has not begun (a chosen public member who declines) leaves the list altogether.
        int removed = jdbc.sql("delete from council_member where id = :m and council_id = :c and term_start > :d")
                .param("m", memberId).param("c", c.id()).param("d", yesterday).update();
        if (removed > 0) {
            audit.record(staff, "council.member.remove", "council", c.id(), "member " + memberId);
            return;
        }
        int n = jdbc.sql("update council_member set term_end = greatest(term_start, :d) where id = :m and council_id = :c and term_end > :d")
                .param("d", yesterday).param("m", memberId).param("c", c.id()).update();
        if (n == 0) {
            throw new InvalidInputException("memberName", "validation.council.notCurrent");
        }
        audit.record(staff, "council.member.end", "council", c.id(), "member " + memberId);
    }

    @Transactional
    long addMeeting(long councilId, Actor staff, Long departmentId, boolean administrator, String rawDate, String rawTitle, String rawPlace,
                    String rawMinutes, String filename, byte[] file) {
        Council c = forDepartment(councilId, departmentId, administrator);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        LocalDate held = checks.check(() -> Inputs.requiredDate("heldOn", rawDate));
        String title = checks.check(() -> Inputs.required("meetingTitle", rawTitle, 200));
        String place = checks.check(() -> Inputs.optional("place", rawPlace, 200));
        String minutes = checks.check(() -> Inputs.optional("minutes", rawMinutes, 50_000));
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into council_meeting (council_id, held_on, title, place, minutes, created_at)
                        values (:c, :h, :t, :p, :m, :now) returning id""")
                .param("c", c.id()).param("h", held).param("t", title).param("p", place).param("m", minutes).param("now", Timestamp.from(now))
                .query(Long.class).single();
        if (file != null && file.length > 0) {
            files.save("minutesFile", "council_meeting", id, filename, title, file, staff.accountId(), now);
        }
        audit.record(staff, "council.meeting.add", "council", c.id(), title);
        // Published in the transaction of the change, so that the index follows only what was committed.
        events.publishEvent(new jp.kyodo.search.SearchDocumentChanged(CouncilMeetingSearchSource.document(c,
                meetings(c.id()).stream().filter(m -> m.id() == id).findFirst().orElseThrow())));
        return id;
    }

    // ---- Calls for public members (the department) ----

    @Transactional
    long createCall(long councilId, Actor staff, Long departmentId, boolean administrator, Map<String, String> in) {
        Council c = forDepartment(councilId, departmentId, administrator);
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Integer places = checks.check(() -> requiredInt("places", in.get("places"), 1, 50));
        LocalDate opens = checks.check(() -> Inputs.requiredDate("opensOn", in.get("opensOn")));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("closesOn", in.get("closesOn")));
        LocalDate termStart = checks.check(() -> Inputs.requiredDate("termStart", in.get("termStart")));
        LocalDate termEnd = checks.check(() -> Inputs.requiredDate("termEnd", in.get("termEnd")));
        Integer minAge = checks.check(() -> Optional.ofNullable(Inputs.integer("minAge", in.get("minAge"), 15, 100)).orElse(defaultMinAge));
        Integer limit = checks.check(() -> Optional.ofNullable(Inputs.integer("essayLimit", in.get("essayLimit"), 100, 4000)).orElse(defaultEssayLimit));
        String theme = checks.check(() -> Inputs.required("essayTheme", in.get("essayTheme"), 300));
        Method method = checks.check(() -> parse(Method.class, "method", in.get("method")));
        Integer passMark = checks.check(() -> Inputs.integer("passMark", in.get("passMark"), 0, 100));
        String notes = checks.check(() -> Inputs.optional("notes", in.get("notes"), 4000));
        boolean residence = in.containsKey("residence") || (!in.containsKey("residenceShown") && defaultResidence);
        if (opens != null && closes != null) {
            long days = ChronoUnit.DAYS.between(opens, closes) + 1;
            if (days < minCallDays) {
                checks.check(() -> {
                    throw new InvalidInputException("closesOn", "validation.council.shortCall", minCallDays, days);
                });
            }
        }
        if (closes != null && termStart != null && !termStart.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("termStart", "validation.council.termAfterCall");
            });
        }
        if (termStart != null && termEnd != null && termEnd.isBefore(termStart)) {
            checks.check(() -> {
                throw new InvalidInputException("termEnd", "validation.council.termOrder");
            });
        }
        if (method == Method.BOTH && passMark == null) {
            checks.check(() -> {
                throw new InvalidInputException("passMark", "validation.council.passMark");
            });
        }
        checks.throwIfAny();
        Instant now = clock.instant();
        long id = jdbc.sql("""
                        insert into council_call (council_id, places, opens_on, closes_on, term_start, term_end, min_age, residence, essay_theme,
                            essay_limit, method, pass_mark, notes, status, created_at, updated_at, exclude_other_council, exclude_past_member)
                        values (:c, :pl, :o, :cl, :ts, :te, :age, :res, :theme, :lim, :m, :pass, :notes, 'DRAFT', :now, :now, :xo, :xp) returning id""")
                .param("c", c.id()).param("pl", places).param("o", opens).param("cl", closes).param("ts", termStart).param("te", termEnd)
                .param("age", minAge).param("res", residence).param("theme", theme).param("lim", limit).param("m", method.name())
                .param("pass", method == Method.LOTTERY ? null : passMark).param("notes", notes).param("now", Timestamp.from(now))
                .param("xo", excludeOtherCouncil).param("xp", excludePastPublicMember)
                .query(Long.class).single();
        audit.record(staff, "council.call.create", "council_call", id, c.name());
        return id;
    }

    @Transactional
    void publishCall(long callId, Actor staff, Long departmentId, boolean administrator, long version) {
        Call call = lockForDepartment(callId, departmentId, administrator);
        checkVersion(call, version);
        if (call.status() != CallStatus.DRAFT) {
            throw new InvalidInputException("version", "validation.call.notDraft");
        }
        // Three weeks from the day residents can actually apply: a draft published late must not shorten the period.
        LocalDate from = call.opensOn().isAfter(today()) ? call.opensOn() : today();
        long days = ChronoUnit.DAYS.between(from, call.closesOn()) + 1;
        if (days < minCallDays) {
            throw new InvalidInputException("version", "validation.council.shortCall", minCallDays, Math.max(0, days));
        }
        update(callId, "status = 'PUBLISHED'");
        audit.record(staff, "council.call.publish", "council_call", callId, call.councilName());
    }

    /** A rater's score of one essay (each staff member of the department scores once; a second save replaces it). */
    @Transactional
    void score(long callId, long applicationId, Actor staff, Long departmentId, boolean administrator, String rawScore, String rawNote) {
        Call call = lockForDepartment(callId, departmentId, administrator);
        requireSelecting(call);
        if (call.method() == Method.LOTTERY) {
            throw new InvalidInputException("score" + applicationId, "validation.council.noScoring");
        }
        if (call.lotterySeed() != null) {
            throw new InvalidInputException("score" + applicationId, "validation.council.scoredBeforeDraw");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Integer score = checks.check(() -> requiredInt("score" + applicationId, rawScore, 0, 100));
        String note = checks.check(() -> Inputs.optional("note" + applicationId, rawNote, 1000));
        checks.throwIfAny();
        int found = jdbc.sql("select count(*) from council_application where id = :a and call_id = :c and status = 'SUBMITTED'")
                .param("a", applicationId).param("c", callId).query(Integer.class).single();
        if (found == 0) {
            throw new InvalidInputException("score" + applicationId, "validation.council.notSubmitted");
        }
        jdbc.sql("""
                        insert into council_score (application_id, rater_id, score, note, scored_at) values (:a, :r, :s, :n, :now)
                        on conflict (application_id, rater_id) do update set score = excluded.score, note = excluded.note, scored_at = excluded.scored_at""")
                .param("a", applicationId).param("r", staff.accountId()).param("s", score).param("n", note)
                .param("now", Timestamp.from(clock.instant())).update();
        audit.record(staff, "council.call.score", "council_application", applicationId, String.valueOf(score));
    }

    /** Those who enter the lottery: every eligible application, or for BOTH those whose average reaches the pass mark. */
    List<Application> lotteryEntrants(Call call) {
        List<Application> submitted = applications(call.id(), null).stream().filter(a -> a.status() == ApplicationStatus.SUBMITTED).toList();
        if (call.method() == Method.BOTH) {
            return submitted.stream().filter(a -> a.exactAverage() != null && a.exactAverage() >= call.passMark()).toList();
        }
        return submitted;
    }

    /**
     * The public lottery: the seed announced (e.g. the numbers drawn at the public session) is recorded with the list of
     * entrants' numbers; the order follows from {@link Lottery}, so anyone can redo the draw from what is published.
     */
    @Transactional
    void drawLottery(long callId, Actor staff, Long departmentId, boolean administrator, long version, String rawSeed) {
        Call call = lockForDepartment(callId, departmentId, administrator);
        checkVersion(call, version);
        requireSelecting(call);
        if (call.method() == Method.SCORE) {
            throw new InvalidInputException("seed", "validation.council.noLottery");
        }
        if (call.lotterySeed() != null) {
            throw new InvalidInputException("seed", "validation.council.drawn");
        }
        String announced = Inputs.required("seed", rawSeed == null ? null : TextNormalizer.normalizeWidth(rawSeed), 150);
        // The announced value is joined with a random part made only now, so nobody who knows the entrants can pick a
        // value that favours someone; the whole seed is published, so the draw stays reproducible.
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String seed = announced + "/" + java.util.HexFormat.of().formatHex(random);
        List<Application> entrants = lotteryEntrants(call);
        if (call.method() == Method.BOTH) {
            long unscored = applications(callId, null).stream().filter(a -> a.status() == ApplicationStatus.SUBMITTED && a.raters() == 0).count();
            if (unscored > 0) {
                throw new InvalidInputException("seed", "validation.council.unscored", unscored);
            }
        }
        if (entrants.isEmpty()) {
            throw new InvalidInputException("seed", "validation.council.noEntrants");
        }
        String numbers = entrants.stream().map(Application::number).sorted().collect(Collectors.joining(","));
        jdbc.sql("update council_call set lottery_seed = :s, lottery_entries = :e, lottery_at = :now, updated_at = :now, version = version + 1 where id = :id")
                .param("s", seed).param("e", numbers).param("now", Timestamp.from(clock.instant())).param("id", callId).update();
        audit.record(staff, "council.call.lottery", "council_call", callId, seed + " / " + numbers);
        notices.announce(new jp.kyodo.notifications.Announcement(jp.kyodo.notifications.NoticeKind.PARTICIPATION,
                List.of(jp.kyodo.notifications.Announcement.ALL_RESULTS), call.councilName(), "/participation/councils/calls/" + callId,
                jp.kyodo.notifications.Announcement.News.RESULTS));
    }

    /**
     * The decision: with a lottery, its winners; by scoring alone, the applications the department chose (no more than
     * the places). Every applicant is told by e-mail; those chosen become public members for the call's term.
     */
    @Transactional
    void decide(long callId, Actor staff, Long departmentId, boolean administrator, long version, Set<Long> chosen, boolean noneChosen) {
        Call call = lockForDepartment(callId, departmentId, administrator);
        checkVersion(call, version);
        requireSelecting(call);
        List<Application> submitted = applications(callId, null).stream().filter(a -> a.status() == ApplicationStatus.SUBMITTED).toList();
        Set<String> winners;
        if (submitted.isEmpty() || (call.method() != Method.SCORE && call.lotterySeed() == null && lotteryEntrants(call).isEmpty())) {
            // Nobody applied, or nobody reached the pass mark: the call ends with no one chosen.
            winners = Set.of();
        } else if (call.method() == Method.SCORE) {
            if (chosen.isEmpty() && !noneChosen) {
                throw new InvalidInputException("chosen", "validation.council.chooseSome");
            }
            if (chosen.size() > call.places()) {
                throw new InvalidInputException("chosen", "validation.council.tooMany", call.places());
            }
            winners = submitted.stream().filter(a -> chosen.contains(a.id())).map(Application::number).collect(Collectors.toSet());
            if (winners.size() != chosen.size()) {
                throw new InvalidInputException("chosen", "validation.council.notSubmitted");
            }
        } else {
            if (call.lotterySeed() == null) {
                throw new InvalidInputException("chosen", "validation.council.drawFirst");
            }
            winners = Set.copyOf(Lottery.winners(call.lotterySeed(), call.entries(), call.places()));
        }
        Council council = council(call.councilId()).orElseThrow(PublicComments::notFound);
        for (Application a : submitted) {
            boolean won = winners.contains(a.number());
            jdbc.sql("update council_application set status = :s where id = :id")
                    .param("s", won ? "SELECTED" : "NOT_SELECTED").param("id", a.id()).update();
            if (won) {
                insertMember(council.id(), a.name(), Role.MEMBER, Category.PUBLIC, null, call.termStart(), call.termEnd(), a.accountId(), callId);
            }
            accounts.find(a.accountId()).ifPresent(acc -> mail.send(acc.email(), won ? "councilSelected" : "councilNotSelected", Locale.JAPANESE,
                    council.name(), a.name(), a.number(), jp.kyodo.shared.JapaneseDates.format(call.termStart())));
        }
        jdbc.sql("update council_call set status = 'DECIDED', decided_at = :now, updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", callId).update();
        audit.record(staff, "council.call.decide", "council_call", callId, String.join(",", winners.stream().sorted().toList()));
    }

    // ---- Applying (a signed-in resident) ----

    /**
     * An application, with the eligibility checked at once: age on the day the term starts, an address in the city
     * (when required), not a member of another council during the term, not a past public member of this council, the
     * essay within its limit counted as a Japanese reader counts.
     */
    @Transactional
    String apply(long callId, Actor applicant, Map<String, String> in) {
        Call call = lockCall(callId);
        if (call.phase() != CallPhase.OPEN) {
            throw new InvalidInputException("essay", "validation.council.notOpen");
        }
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String name = checks.check(() -> Inputs.required("name", in.get("name"), 100));
        String furigana = checks.check(() -> {
            String raw = Inputs.required("furigana", in.get("furigana"), 100);
            String kana = TextNormalizer.furigana(raw);
            if (!TextNormalizer.isKatakanaReading(kana)) {
                throw new InvalidInputException("furigana", "validation.furigana");
            }
            return kana;
        });
        LocalDate birth = checks.check(() -> {
            LocalDate b = Inputs.requiredDate("birthDate", in.get("birthDate"));
            if (Period.between(b, call.termStart()).getYears() < call.minAge()) {
                throw new InvalidInputException("birthDate", "validation.council.age", call.minAge(), jp.kyodo.shared.JapaneseDates.format(call.termStart()));
            }
            return b;
        });
        String address = checks.check(() -> {
            String a = Inputs.required("address", in.get("address") == null ? null : TextNormalizer.normalizeWidth(in.get("address")), 300);
            String cityName = city.cityName(Locale.JAPANESE);
            if (call.residence() && !a.contains(cityName)) {
                throw new InvalidInputException("address", "validation.council.residence", cityName);
            }
            return a;
        });
        String phone = checks.check(() -> {
            String raw = Inputs.required("phone", in.get("phone"), 30);
            try {
                return PhoneNumber.parse(raw).display();
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", "validation.phone");
            }
        });
        String occupation = checks.check(() -> Inputs.optional("occupation", in.get("occupation"), 100));
        String essay = checks.check(() -> {
            String e = Inputs.required("essay", in.get("essay"), 20_000);
            int count = CharacterCount.of(e);
            if (count > call.essayLimit()) {
                throw new InvalidInputException("essay", "validation.council.essayTooLong", call.essayLimit(), count);
            }
            return e;
        });
        if (!in.containsKey("declares")) {
            checks.check(() -> {
                throw new InvalidInputException("declares", "validation.council.declare");
            });
        }
        checks.throwIfAny();
        if (call.excludeOtherCouncil()) {
            Integer other = jdbc.sql("""
                            select count(*) from council_member where account_id = :a and council_id <> :c and term_end >= :start""")
                    .param("a", applicant.accountId()).param("c", call.councilId()).param("start", call.termStart()).query(Integer.class).single();
            if (other > 0) {
                throw new InvalidInputException("declares", "validation.council.otherCouncil");
            }
        }
        if (call.excludePastMember()) {
            Integer past = jdbc.sql("select count(*) from council_member where account_id = :a and council_id = :c and category = 'PUBLIC'")
                    .param("a", applicant.accountId()).param("c", call.councilId()).query(Integer.class).single();
            if (past > 0) {
                throw new InvalidInputException("declares", "validation.council.pastMember");
            }
        }
        int again = jdbc.sql("""
                        update council_application set name = :n, furigana = :f, birth_date = :b, address = :addr, phone = :p, occupation = :o,
                            essay = :e, status = 'SUBMITTED', created_at = :now
                        where call_id = :c and account_id = :a and status = 'WITHDRAWN'""")
                .param("c", callId).param("a", applicant.accountId()).param("n", name).param("f", furigana).param("b", birth).param("addr", address)
                .param("p", phone).param("o", occupation).param("e", essay).param("now", Timestamp.from(clock.instant())).update();
        if (again > 0) {
            String number = jdbc.sql("select number from council_application where call_id = :c and account_id = :a").param("c", callId)
                    .param("a", applicant.accountId()).query(String.class).single();
            accounts.find(applicant.accountId()).ifPresent(acc -> mail.send(acc.email(), "councilApplied", Locale.JAPANESE, call.councilName(), name,
                    number, jp.kyodo.shared.JapaneseDates.format(call.closesOn())));
            return number;
        }
        int seq = jdbc.sql("select count(*) from council_application where call_id = :c").param("c", callId).query(Integer.class).single() + 1;
        String number = String.format("%d-%03d", callId, seq);
        try {
            jdbc.sql("""
                            insert into council_application (call_id, number, account_id, name, furigana, birth_date, address, phone, occupation, essay,
                                status, created_at)
                            values (:c, :no, :a, :n, :f, :b, :addr, :p, :o, :e, 'SUBMITTED', :now)""")
                    .param("c", callId).param("no", number).param("a", applicant.accountId()).param("n", name).param("f", furigana)
                    .param("b", birth).param("addr", address).param("p", phone).param("o", occupation).param("e", essay)
                    .param("now", Timestamp.from(clock.instant())).update();
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("declares", "validation.council.already");
        }
        accounts.find(applicant.accountId()).ifPresent(acc -> mail.send(acc.email(), "councilApplied", Locale.JAPANESE, call.councilName(), name, number,
                jp.kyodo.shared.JapaneseDates.format(call.closesOn())));
        return number;
    }

    /** The applicant withdraws while the call is open. */
    @Transactional
    void withdraw(long callId, Actor applicant) {
        Call call = lockCall(callId);
        if (call.phase() != CallPhase.OPEN) {
            throw new InvalidInputException("withdraw", "validation.council.notOpen");
        }
        int n = jdbc.sql("update council_application set status = 'WITHDRAWN' where call_id = :c and account_id = :a and status = 'SUBMITTED'")
                .param("c", callId).param("a", applicant.accountId()).update();
        if (n == 0) {
            throw new InvalidInputException("withdraw", "validation.council.notSubmitted");
        }
    }

    /** The signed-in person's own application to a call, if any. */
    @Transactional(readOnly = true)
    Optional<Application> myApplication(long callId, long accountId) {
        return applications(callId, null).stream().filter(a -> a.accountId() == accountId).findFirst();
    }

    // ---- Reading ----

    @Transactional(readOnly = true)
    List<Council> councils() {
        return councilRows("order by name", Map.of());
    }

    @Transactional(readOnly = true)
    Optional<Council> council(long id) {
        return councilRows("where id = :id", Map.of("id", id)).stream().findFirst();
    }

    @Transactional(readOnly = true)
    List<Council> forDepartment(Long departmentId, boolean administrator) {
        return administrator ? councils() : councilRows("where department_id = :d order by name", Map.of("d", departmentId == null ? -1L : departmentId));
    }

    @Transactional(readOnly = true)
    Council forDepartment(long id, Long departmentId, boolean administrator) {
        Council c = council(id).orElseThrow(PublicComments::notFound);
        if (!administrator && (departmentId == null || c.departmentId() != departmentId)) {
            throw PublicComments.notFound();
        }
        return c;
    }

    /** Members: the current and incoming ones, or all (history included), in the order a city lists them. */
    @Transactional(readOnly = true)
    List<Member> members(long councilId, boolean history) {
        LocalDate today = today();
        return jdbc.sql("select * from council_member where council_id = :c" + (history ? "" : " and term_end >= :t"))
                .param("c", councilId).param("t", today)
                .query((rs, i) -> {
                    LocalDate start = rs.getDate("term_start").toLocalDate();
                    LocalDate end = rs.getDate("term_end").toLocalDate();
                    boolean current = !today.isBefore(start) && !today.isAfter(end);
                    return new Member(rs.getLong("id"), councilId, rs.getString("name"), Role.valueOf(rs.getString("role")),
                            Category.valueOf(rs.getString("category")), rs.getString("affiliation"), start, end, current,
                            current && end.isBefore(today.plusDays(90)));
                }).list().stream()
                .sorted(Comparator.comparing((Member m) -> !m.current()).thenComparing(m -> m.termStart().isAfter(today)).thenComparing(Member::role).thenComparing(Member::category)
                        .thenComparing(Member::id))
                .toList();
    }

    /** The council a meeting belongs to; empty when the meeting no longer exists. */
    @Transactional(readOnly = true)
    Optional<Long> councilOfMeeting(long meetingId) {
        return jdbc.sql("select council_id from council_meeting where id = :id").param("id", meetingId).query(Long.class).optional();
    }

    @Transactional(readOnly = true)
    List<Meeting> meetings(long councilId) {
        return jdbc.sql("select id, held_on, title, place, minutes from council_meeting where council_id = :c order by held_on desc, id desc")
                .param("c", councilId)
                .query((rs, i) -> new Meeting(rs.getLong(1), councilId, rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4), rs.getString(5),
                        files.list("council_meeting", rs.getLong(1))))
                .list();
    }

    /** The meetings of several councils, by council, as {@link #meetings(long)} lists each; two queries for them all. */
    Map<Long, List<Meeting>> meetingsOf(java.util.Collection<Long> councilIds) {
        Map<Long, List<Meeting>> out = new java.util.HashMap<>();
        if (councilIds.isEmpty()) {
            return out;
        }
        List<Meeting> bare = jdbc.sql("""
                        select id, council_id, held_on, title, place, minutes from council_meeting where council_id = any(:c)
                        order by council_id, held_on desc, id desc""")
                .param("c", councilIds.toArray(Long[]::new))
                .query((rs, i) -> new Meeting(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getString(4), rs.getString(5),
                        rs.getString(6), List.of()))
                .list();
        Map<Long, List<ParticipationFiles.File>> filesOf = files.listAll("council_meeting", bare.stream().map(Meeting::id).toList());
        for (Meeting m : bare) {
            out.computeIfAbsent(m.councilId(), k -> new ArrayList<>()).add(new Meeting(m.id(), m.councilId(), m.heldOn(), m.title(), m.place(),
                    m.minutes(), filesOf.getOrDefault(m.id(), List.of())));
        }
        return out;
    }

    Optional<ParticipationFiles.File> minutesFile(long councilId, long meetingId, long fileId) {
        Integer found = jdbc.sql("select count(*) from council_meeting where id = :m and council_id = :c").param("m", meetingId).param("c", councilId)
                .query(Integer.class).single();
        return found == 0 ? Optional.empty() : files.load("council_meeting", meetingId, fileId);
    }

    /** Calls of a council; drafts only for the department. */
    @Transactional(readOnly = true)
    List<Call> calls(long councilId, boolean withDrafts) {
        return callRows("where k.council_id = :c" + (withDrafts ? "" : " and k.status <> 'DRAFT'") + " order by k.opens_on desc", Map.of("c", councilId));
    }

    /** Published calls of every council, newest first. */
    @Transactional(readOnly = true)
    List<Call> publishedCalls() {
        return callRows("where k.status <> 'DRAFT' order by k.opens_on desc", Map.of());
    }

    @Transactional(readOnly = true)
    Call publishedCall(long id) {
        return callRows("where k.id = :id and k.status <> 'DRAFT'", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
    }

    @Transactional(readOnly = true)
    Call callForDepartment(long id, Long departmentId, boolean administrator) {
        Call call = callRows("where k.id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(PublicComments::notFound);
        if (!administrator && (departmentId == null || call.departmentId() != departmentId)) {
            throw PublicComments.notFound();
        }
        return call;
    }

    /** Applications with their average score (and, when a rater is given, that rater's own score). */
    @Transactional(readOnly = true)
    List<Application> applications(long callId, Long raterId) {
        return jdbc.sql("""
                        select a.*, (select avg(score) from council_score s where s.application_id = a.id) as avg_score,
                            (select count(*) from council_score s where s.application_id = a.id) as raters,
                            (select score from council_score s where s.application_id = a.id and s.rater_id = :r) as my_score
                        from council_application a where a.call_id = :c order by a.number""")
                .param("c", callId).param("r", raterId == null ? -1L : raterId)
                .query((rs, i) -> new Application(rs.getLong("id"), callId, rs.getString("number"), rs.getLong("account_id"), rs.getString("name"),
                        rs.getString("furigana"), rs.getObject("birth_date", java.time.LocalDate.class), rs.getString("address"), rs.getString("phone"),
                        rs.getString("occupation"), rs.getString("essay"), CharacterCount.of(rs.getString("essay")),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                        rs.getObject("avg_score") == null ? null : Math.round(rs.getDouble("avg_score") * 10) / 10.0, rs.getInt("raters"),
                        (Integer) rs.getObject("my_score"), rs.getObject("avg_score") == null ? null : rs.getDouble("avg_score")))
                .list();
    }

    /** The published result: the numbers chosen (never names), with the lottery's seed and order when there was one. */
    @Transactional(readOnly = true)
    List<String> selectedNumbers(long callId) {
        return jdbc.sql("select number from council_application where call_id = :c and status = 'SELECTED' order by number")
                .param("c", callId).query(String.class).list();
    }

    @Transactional(readOnly = true)
    long applicantCount(long callId) {
        return jdbc.sql("select count(*) from council_application where call_id = :c and status <> 'WITHDRAWN'").param("c", callId)
                .query(Long.class).single();
    }

    // ---- Helpers ----

    private long insertMember(long councilId, String name, Role role, Category category, String affiliation, LocalDate start, LocalDate end,
                              Long accountId, Long callId) {
        return jdbc.sql("""
                        insert into council_member (council_id, name, role, category, affiliation, term_start, term_end, account_id, call_id, created_at)
                        values (:c, :n, :r, :cat, :aff, :s, :e, :a, :call, :now) returning id""")
                .param("c", councilId).param("n", name).param("r", role.name()).param("cat", category.name()).param("aff", affiliation)
                .param("s", start).param("e", end).param("a", accountId).param("call", callId).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).single();
    }

    private Call lockForDepartment(long id, Long departmentId, boolean administrator) {
        jdbc.sql("select id from council_call where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(PublicComments::notFound);
        return callForDepartment(id, departmentId, administrator);
    }

    private Call lockCall(long id) {
        jdbc.sql("select id from council_call where id = :id for update").param("id", id).query(Long.class).optional()
                .orElseThrow(PublicComments::notFound);
        return publishedCall(id);
    }

    private void update(long callId, String set) {
        jdbc.sql("update council_call set " + set + ", updated_at = :now, version = version + 1 where id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", callId).update();
    }

    private static void checkVersion(Call call, long version) {
        if (call.version() != version) {
            throw new InvalidInputException("version", "validation.staleForm");
        }
    }

    private static void requireSelecting(Call call) {
        if (call.phase() != CallPhase.SELECTING) {
            throw new InvalidInputException("version", "validation.council.notSelecting");
        }
    }

    private static Integer requiredInt(String field, String raw, int min, int max) {
        Integer v = Inputs.integer(field, raw, min, max);
        if (v == null) {
            throw new InvalidInputException(field, "validation.required");
        }
        return v;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw == null ? "" : raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "validation.required");
        }
    }

    private List<Council> councilRows(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select * from council " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, i) -> new Council(rs.getLong("id"), rs.getLong("department_id"),
                accounts.department(rs.getLong("department_id")).map(DepartmentView::name).orElse(""), rs.getString("name"), rs.getString("purpose"),
                rs.getString("basis"), rs.getInt("seats"), rs.getInt("term_years"), rs.getLong("version"))).list();
    }

    private List<Call> callRows(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select k.*, c.name as council_name, c.department_id from council_call k join council c on c.id = k.council_id " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        LocalDate today = today();
        return spec.query((rs, i) -> {
            CallStatus status = CallStatus.valueOf(rs.getString("status"));
            LocalDate opens = rs.getDate("opens_on").toLocalDate();
            LocalDate closes = rs.getDate("closes_on").toLocalDate();
            CallPhase phase = status == CallStatus.DRAFT ? CallPhase.DRAFT : status == CallStatus.DECIDED ? CallPhase.DECIDED
                    : today.isBefore(opens) ? CallPhase.UPCOMING : today.isAfter(closes) ? CallPhase.SELECTING : CallPhase.OPEN;
            return new Call(rs.getLong("id"), rs.getLong("council_id"), rs.getString("council_name"), rs.getLong("department_id"), rs.getInt("places"),
                    opens, closes, rs.getDate("term_start").toLocalDate(), rs.getDate("term_end").toLocalDate(), rs.getInt("min_age"),
                    rs.getBoolean("residence"), rs.getString("essay_theme"), rs.getInt("essay_limit"), Method.valueOf(rs.getString("method")),
                    (Integer) rs.getObject("pass_mark"), rs.getString("notes"), status, rs.getString("lottery_seed"), rs.getString("lottery_entries"),
                    rs.getLong("version"), phase, phase == CallPhase.OPEN ? ChronoUnit.DAYS.between(today, closes) + 1 : 0,
                    rs.getBoolean("exclude_other_council"), rs.getBoolean("exclude_past_member"));
        }).list();
    }

    /** The published draw: each entrant's key and place, for the result page. */
    List<Lottery.Draw> draw(Call call) {
        return call.lotterySeed() == null ? List.of() : Lottery.draw(call.lotterySeed(), call.entries());
    }
}
