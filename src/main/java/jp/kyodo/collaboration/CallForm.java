package jp.kyodo.collaboration;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.kyodo.shared.CollaborationForm;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;

/** A call or theme as typed by the secretariat or a department. */
public class CallForm {

    static final int TEXT_MAX = 4000;

    private long version;
    private String fiscalYear;
    private String title;
    private String background;
    private String expectedOutcome;
    private String rules;
    private String budgetCap;
    private String areaCode;
    private Set<String> forms = new LinkedHashSet<>();
    private Set<String> fieldCodes = new LinkedHashSet<>();
    private String applicationOpens;
    private String applicationCloses;
    private String consultationDeadline;
    private String firstScreeningOn;
    private String secondScreeningOn;
    private String resultOn;

    /** The call's values, checked. */
    record Checked(int fiscalYear, String title, String background, String expectedOutcome, String rules, Long budgetCap,
                   String areaCode, Set<CollaborationForm> forms, Set<String> fieldCodes, LocalDate applicationOpens,
                   LocalDate applicationCloses, LocalDate consultationDeadline, LocalDate firstScreeningOn,
                   LocalDate secondScreeningOn, LocalDate resultOn) {
    }

    /** Checks every field at once; a theme needs its background, expected outcome, budget cap and forms. */
    Checked check(CallOrigin origin, Set<String> knownFields, Set<String> knownAreas) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        Integer fy = checks.check(() -> {
            Integer v = Inputs.integer("fiscalYear", fiscalYear, 2000, 2200);
            if (v == null) {
                throw new InvalidInputException("fiscalYear", "validation.required");
            }
            return v;
        });
        String t = checks.check(() -> Inputs.required("title", title, 200));
        boolean theme = origin == CallOrigin.CITY;
        String bg = checks.check(() -> theme ? Inputs.required("background", background, TEXT_MAX) : Inputs.optional("background", background, TEXT_MAX));
        String outcome = checks.check(() -> theme ? Inputs.required("expectedOutcome", expectedOutcome, TEXT_MAX)
                : Inputs.optional("expectedOutcome", expectedOutcome, TEXT_MAX));
        String r = checks.check(() -> Inputs.optional("rules", rules, TEXT_MAX));
        Long cap = checks.check(() -> {
            Long v = Inputs.yen("budgetCap", budgetCap);
            if (v == null && theme) {
                throw new InvalidInputException("budgetCap", "validation.required");
            }
            return v;
        });
        String area = checks.check(() -> {
            if (areaCode == null || areaCode.isBlank()) {
                return null;
            }
            if (!knownAreas.contains(areaCode)) {
                throw new InvalidInputException("areaCode", "validation.required");
            }
            return areaCode;
        });
        Set<CollaborationForm> f = checks.check(() -> {
            Set<CollaborationForm> out = EnumSet.noneOf(CollaborationForm.class);
            for (String raw : forms) {
                try {
                    out.add(CollaborationForm.valueOf(raw));
                } catch (RuntimeException e) {
                    throw new InvalidInputException("forms", "validation.call.forms");
                }
            }
            if (out.isEmpty()) {
                throw new InvalidInputException("forms", "validation.call.forms");
            }
            return out;
        });
        Set<String> fields = checks.check(() -> {
            for (String code : fieldCodes) {
                if (!knownFields.contains(code)) {
                    throw new InvalidInputException("fieldCodes", "validation.group.fields");
                }
            }
            return new LinkedHashSet<>(fieldCodes);
        });
        LocalDate opens = checks.check(() -> Inputs.requiredDate("applicationOpens", applicationOpens));
        LocalDate closes = checks.check(() -> Inputs.requiredDate("applicationCloses", applicationCloses));
        LocalDate consultation = checks.check(() -> Inputs.date("consultationDeadline", consultationDeadline));
        LocalDate first = checks.check(() -> Inputs.date("firstScreeningOn", firstScreeningOn));
        LocalDate second = checks.check(() -> Inputs.date("secondScreeningOn", secondScreeningOn));
        LocalDate result = checks.check(() -> Inputs.date("resultOn", resultOn));
        if (opens != null && closes != null && closes.isBefore(opens)) {
            checks.check(() -> {
                throw new InvalidInputException("applicationCloses", "validation.call.closesBeforeOpens");
            });
        }
        if (closes != null && consultation != null && consultation.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("consultationDeadline", "validation.call.consultationAfterClose");
            });
        }
        if (closes != null && first != null && !first.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("firstScreeningOn", "validation.call.screeningBeforeClose");
            });
        }
        if (first != null && second != null && second.isBefore(first)) {
            checks.check(() -> {
                throw new InvalidInputException("secondScreeningOn", "validation.call.secondBeforeFirst");
            });
        }
        if (result != null && closes != null && !result.isAfter(closes)) {
            checks.check(() -> {
                throw new InvalidInputException("resultOn", "validation.call.resultBeforeClose");
            });
        }
        checks.throwIfAny();
        return new Checked(fy, t, bg, outcome, r, cap, area, f, fields, opens, closes, consultation, first, second, result);
    }

    static CallForm of(CallView c) {
        CallForm f = new CallForm();
        f.version = c.version();
        f.fiscalYear = String.valueOf(c.fiscalYear());
        f.title = c.title();
        f.background = c.background();
        f.expectedOutcome = c.expectedOutcome();
        f.rules = c.rules();
        f.budgetCap = c.budgetCap() == null ? null : String.valueOf(c.budgetCap());
        f.areaCode = c.areaCode();
        c.forms().forEach(x -> f.forms.add(x.name()));
        f.fieldCodes.addAll(c.fieldCodes());
        f.applicationOpens = str(c.applicationOpens());
        f.applicationCloses = str(c.applicationCloses());
        f.consultationDeadline = str(c.consultationDeadline());
        f.firstScreeningOn = str(c.firstScreeningOn());
        f.secondScreeningOn = str(c.secondScreeningOn());
        f.resultOn = str(c.resultOn());
        return f;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }

    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public String getFiscalYear() { return fiscalYear; }
    public void setFiscalYear(String v) { fiscalYear = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getBackground() { return background; }
    public void setBackground(String v) { background = v; }
    public String getExpectedOutcome() { return expectedOutcome; }
    public void setExpectedOutcome(String v) { expectedOutcome = v; }
    public String getRules() { return rules; }
    public void setRules(String v) { rules = v; }
    public String getBudgetCap() { return budgetCap; }
    public void setBudgetCap(String v) { budgetCap = v; }
    public String getAreaCode() { return areaCode; }
    public void setAreaCode(String v) { areaCode = v; }
    public Set<String> getForms() { return forms; }
    public void setForms(Set<String> v) { forms = v == null ? new LinkedHashSet<>() : v; }
    public Set<String> getFieldCodes() { return fieldCodes; }
    public void setFieldCodes(Set<String> v) { fieldCodes = v == null ? new LinkedHashSet<>() : v; }
    public String getApplicationOpens() { return applicationOpens; }
    public void setApplicationOpens(String v) { applicationOpens = v; }
    public String getApplicationCloses() { return applicationCloses; }
    public void setApplicationCloses(String v) { applicationCloses = v; }
    public String getConsultationDeadline() { return consultationDeadline; }
    public void setConsultationDeadline(String v) { consultationDeadline = v; }
    public String getFirstScreeningOn() { return firstScreeningOn; }
    public void setFirstScreeningOn(String v) { firstScreeningOn = v; }
    public String getSecondScreeningOn() { return secondScreeningOn; }
    public void setSecondScreeningOn(String v) { secondScreeningOn = v; }
    public String getResultOn() { return resultOn; }
    public void setResultOn(String v) { resultOn = v; }
}
