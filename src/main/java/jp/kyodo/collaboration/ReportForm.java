package jp.kyodo.collaboration;

import java.util.ArrayList;
import java.util.List;

/** A report as typed: what was done, participants, the outcome per target and the actual amount per budget line. */
public class ReportForm {

    private long version;
    private String activities;
    private String participants;
    private List<String> outcomes = new ArrayList<>();
    private List<String> actuals = new ArrayList<>();

    static ReportForm of(Reports.ReportView r, int targets, int lines) {
        ReportForm f = new ReportForm();
        f.version = r.version();
        f.activities = r.activities();
        f.participants = r.participants() == null ? null : String.valueOf(r.participants());
        for (int i = 0; i < targets; i++) {
            f.outcomes.add(r.outcomes().get(i));
        }
        for (int i = 0; i < lines; i++) {
            Long a = r.actuals().get(i);
            f.actuals.add(a == null ? null : String.valueOf(a));
        }
        return f;
    }

    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public String getActivities() { return activities; }
    public void setActivities(String v) { activities = v; }
    public String getParticipants() { return participants; }
    public void setParticipants(String v) { participants = v; }
    public List<String> getOutcomes() { return outcomes; }
    public void setOutcomes(List<String> v) { outcomes = v == null ? new ArrayList<>() : v; }
    public List<String> getActuals() { return actuals; }
    public void setActuals(List<String> v) { actuals = v == null ? new ArrayList<>() : v; }
}
