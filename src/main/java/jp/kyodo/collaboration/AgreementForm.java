package jp.kyodo.collaboration;

import java.time.LocalDate;
import jp.kyodo.shared.FiscalYear;
import jp.kyodo.shared.Inputs;
import jp.kyodo.shared.InvalidInputException;

/** The agreement's clauses as the department types them. */
public class AgreementForm {

    static final int CLAUSE_MAX = 8000;

    private long version;
    private String purpose;
    private String periodFrom;
    private String periodTo;
    private String roles;
    private String costSharing;
    private String informationSharing;
    private String personalData;
    private String outputs;
    private String changeTermination;

    static AgreementForm of(Projects.AgreementView a) {
        AgreementForm f = new AgreementForm();
        Agreement.Clauses c = a.clauses();
        f.version = a.version();
        f.purpose = c.purpose();
        f.periodFrom = c.periodFrom() == null ? null : c.periodFrom().toString();
        f.periodTo = c.periodTo() == null ? null : c.periodTo().toString();
        f.roles = c.roles();
        f.costSharing = c.costSharing();
        f.informationSharing = c.informationSharing();
        f.personalData = c.personalData();
        f.outputs = c.outputs();
        f.changeTermination = c.changeTermination();
        return f;
    }

    /** Every clause is needed; the period lies within one fiscal year. */
    Agreement.Clauses check() {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String p = checks.check(() -> Inputs.required("purpose", purpose, CLAUSE_MAX));
        LocalDate from = checks.check(() -> Inputs.requiredDate("periodFrom", periodFrom));
        LocalDate to = checks.check(() -> Inputs.requiredDate("periodTo", periodTo));
        String r = checks.check(() -> Inputs.required("roles", roles, CLAUSE_MAX));
        String cost = checks.check(() -> Inputs.required("costSharing", costSharing, CLAUSE_MAX));
        String info = checks.check(() -> Inputs.required("informationSharing", informationSharing, CLAUSE_MAX));
        String data = checks.check(() -> Inputs.required("personalData", personalData, CLAUSE_MAX));
        String out = checks.check(() -> Inputs.required("outputs", outputs, CLAUSE_MAX));
        String change = checks.check(() -> Inputs.required("changeTermination", changeTermination, CLAUSE_MAX));
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                checks.check(() -> {
                    throw new InvalidInputException("periodTo", "validation.proposal.periodOrder");
                });
            } else if (to.isAfter(FiscalYear.of(from).end())) {
                checks.check(() -> {
                    throw new InvalidInputException("periodTo", "validation.agreement.fiscalYear");
                });
            }
        }
        checks.throwIfAny();
        return new Agreement.Clauses(p, from, to, r, cost, info, data, out, change);
    }

    public long getVersion() { return version; }
    public void setVersion(long v) { version = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getPeriodFrom() { return periodFrom; }
    public void setPeriodFrom(String v) { periodFrom = v; }
    public String getPeriodTo() { return periodTo; }
    public void setPeriodTo(String v) { periodTo = v; }
    public String getRoles() { return roles; }
    public void setRoles(String v) { roles = v; }
    public String getCostSharing() { return costSharing; }
    public void setCostSharing(String v) { costSharing = v; }
    public String getInformationSharing() { return informationSharing; }
    public void setInformationSharing(String v) { informationSharing = v; }
    public String getPersonalData() { return personalData; }
    public void setPersonalData(String v) { personalData = v; }
    public String getOutputs() { return outputs; }
    public void setOutputs(String v) { outputs = v; }
    public String getChangeTermination() { return changeTermination; }
    public void setChangeTermination(String v) { changeTermination = v; }
}
