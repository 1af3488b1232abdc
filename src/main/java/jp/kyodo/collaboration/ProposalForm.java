package jp.kyodo.collaboration;

import java.util.ArrayList;
import java.util.List;

/** A proposal as typed, step by step; table rows left blank are ignored. */
public class ProposalForm {

    /** Blank rows offered under a table, so that lines can be added without JavaScript. */
    static final int BLANK_ROWS = 3;

    private long version;
    private String title;
    private String purpose;
    private String content;
    private String target;
    private String capacity;
    private String periodFrom;
    private String periodTo;
    private String place;
    private String form;
    private String pioneering;
    private String prospects;
    private List<RoleRow> roles = new ArrayList<>();
    private List<BudgetRow> budget = new ArrayList<>();
    private List<TargetRow> targets = new ArrayList<>();

    /** A row of the role division. */
    public static class RoleRow {
        private String task;
        private String groupPart;
        private String cityPart;

        public RoleRow() {
        }

        RoleRow(String task, String groupPart, String cityPart) {
            this.task = task;
            this.groupPart = groupPart;
            this.cityPart = cityPart;
        }

        boolean blank() {
            return isBlank(task) && isBlank(groupPart) && isBlank(cityPart);
        }

        public String getTask() { return task; }
        public void setTask(String v) { task = v; }
        public String getGroupPart() { return groupPart; }
        public void setGroupPart(String v) { groupPart = v; }
        public String getCityPart() { return cityPart; }
        public void setCityPart(String v) { cityPart = v; }
    }

    /** A budget line. */
    public static class BudgetRow {
        private String kind;
        private String item;
        private String amount;
        private String bearer;
        private String note;

        public BudgetRow() {
        }

        BudgetRow(String kind, String item, String amount, String bearer, String note) {
            this.kind = kind;
            this.item = item;
            this.amount = amount;
            this.bearer = bearer;
            this.note = note;
        }

        boolean blank() {
            return isBlank(item) && isBlank(amount) && isBlank(note);
        }

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getItem() { return item; }
        public void setItem(String v) { item = v; }
        public String getAmount() { return amount; }
        public void setAmount(String v) { amount = v; }
        public String getBearer() { return bearer; }
        public void setBearer(String v) { bearer = v; }
        public String getNote() { return note; }
        public void setNote(String v) { note = v; }
    }

    /** A target or indicator. */
    public static class TargetRow {
        private String kind;
        private String description;
        private String value;

        public TargetRow() {
        }

        TargetRow(String kind, String description, String value) {
            this.kind = kind;
            this.description = description;
            this.value = value;
        }

        boolean blank() {
            return isBlank(description) && isBlank(value);
        }

        public String getKind() { return kind; }
        public void setKind(String v) { kind = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { description = v; }
        public String getValue() { return value; }
        public void setValue(String v) { value = v; }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** The form filled from a stored proposal, with blank rows under each table. */
    static ProposalForm of(Proposal p) {
        ProposalForm f = new ProposalForm();
        f.version = p.version();
        f.title = p.title();
        f.purpose = p.purpose();
        f.content = p.content();
        f.target = p.target();
        f.capacity = p.capacity();
        f.periodFrom = p.periodFrom() == null ? null : p.periodFrom().toString();
        f.periodTo = p.periodTo() == null ? null : p.periodTo().toString();
        f.place = p.place();
        f.form = p.form() == null ? null : p.form().name();
        f.pioneering = p.pioneering();
        f.prospects = p.prospects();
        p.roles().forEach(r -> f.roles.add(new RoleRow(r.task(), r.groupPart(), r.cityPart())));
        p.budget().forEach(b -> f.budget.add(new BudgetRow(b.kind().name(), b.item(), String.valueOf(b.amount()), b.bearer().name(), b.note())));
        p.targets().forEach(t -> f.targets.add(new TargetRow(t.kind().name(), t.description(), t.value())));
        return f.withBlankRows();
    }

    /** Drops blank rows and adds fresh ones at the end, as the page shows the tables. */
    ProposalForm withBlankRows() {
        roles.removeIf(r -> r == null || r.blank());
        budget.removeIf(b -> b == null || b.blank());
        targets.removeIf(t -> t == null || t.blank());
        for (int i = 0; i < BLANK_ROWS; i++) {
            roles.add(new RoleRow());
            budget.add(new BudgetRow(i == 0 ? "INCOME" : "EXPENSE", null, null, i == 0 ? "GROUP" : "CITY", null));
            targets.add(new TargetRow(i == 0 ? "OUTCOME" : "ACTIVITY", null, null));
        }
        return this;
    }

    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getContent() { return content; }
    public void setContent(String v) { content = v; }
    public String getTarget() { return target; }
    public void setTarget(String v) { target = v; }
    public String getCapacity() { return capacity; }
    public void setCapacity(String v) { capacity = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String v) { periodTo = v; }
    public String getPlace() { return place; }
    public void setPlace(String v) { place = v; }
    public String getForm() { return form; }
    public void setForm(String v) { form = v; }
    public String getPioneering() { return pioneering; }
    public void setPioneering(String v) { pioneering = v; }
    public String getProspects() { return prospects; }
    public void setProspects(String v) { prospects = v; }
    public List<RoleRow> getRoles() { return roles; }
    public void setRoles(List<RoleRow> v) { roles = v == null ? new ArrayList<>() : v; }
    public List<BudgetRow> getBudget() { return budget; }
    public void setBudget(List<BudgetRow> v) { budget = v == null ? new ArrayList<>() : v; }
    public List<TargetRow> getTargets() { return targets; }
    public void setTargets(List<TargetRow> v) { targets = v == null ? new ArrayList<>() : v; }
}
