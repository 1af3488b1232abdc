package jp.kyodo.support;

/** An endorsement or co-hosting application as typed. */
public class EventForm {

    private String kind = "ENDORSEMENT";
    private String groupId;
    private String organiserName;
    private String organiserAddress;
    private String organiserRepresentative;
    private String organiserPhone;
    private String organiserEmail;
    private String officers;
    private String eventName;
    private String purpose;
    private String startsOn;
    private String endsOn;
    private String venue;
    private String target;
    private String expectedParticipants;
    private String fee;
    private String outline;
    private String budgetIncome;
    private String budgetExpense;
    private String departmentId;

    public String getKind() { return kind; }
    public void setKind(String v) { kind = v; }
    public String getGroupId() { return groupId; }
    public void setGroupId(String v) { groupId = v; }
    public String getOrganiserName() { return organiserName; }
    public void setOrganiserName(String v) { organiserName = v; }
    public String getOrganiserAddress() { return organiserAddress; }
    public void setOrganiserAddress(String v) { organiserAddress = v; }
    public String getOrganiserRepresentative() { return organiserRepresentative; }
    public void setOrganiserRepresentative(String v) { organiserRepresentative = v; }
    public String getOrganiserPhone() { return organiserPhone; }
    public void setOrganiserPhone(String v) { organiserPhone = v; }
    public String getOrganiserEmail() { return organiserEmail; }
    public void setOrganiserEmail(String v) { organiserEmail = v; }
    public String getOfficers() { return officers; }
    public void setOfficers(String v) { officers = v; }
    public String getEventName() { return eventName; }
    public void setEventName(String v) { eventName = v; }
    public String getPurpose() { return purpose; }
    public void setPurpose(String v) { purpose = v; }
    public String getStartsOn() { return startsOn; }
    public void setStartsOn(String v) { startsOn = v; }
    public String getEndsOn() { return endsOn; }
    public void setEndsOn(String v) { endsOn = v; }
    public String getVenue() { return venue; }
    public void setVenue(String v) { venue = v; }
    public String getTarget() { return target; }
    public void setTarget(String v) { target = v; }
    public String getExpectedParticipants() { return expectedParticipants; }
    public void setExpectedParticipants(String v) { expectedParticipants = v; }
    public String getFee() { return fee; }
    public void setFee(String v) { fee = v; }
    public String getOutline() { return outline; }
    public void setOutline(String v) { outline = v; }
    public String getBudgetIncome() { return budgetIncome; }
    public void setBudgetIncome(String v) { budgetIncome = v; }
    public String getBudgetExpense() { return budgetExpense; }
    public void setBudgetExpense(String v) { budgetExpense = v; }
    public String getDepartmentId() { return departmentId; }
    public void setDepartmentId(String v) { departmentId = v; }
}
