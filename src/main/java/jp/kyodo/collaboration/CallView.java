package jp.kyodo.collaboration;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import jp.kyodo.groups.Choice;
import jp.kyodo.shared.CollaborationForm;

/** A call or theme as pages show it. */
public record CallView(long id, CallOrigin origin, int fiscalYear, String title, long departmentId, String departmentName,
                       String background, String expectedOutcome, String rules, Long budgetCap, String areaCode, Choice area,
                       Set<CollaborationForm> forms, Set<String> fieldCodes, List<Choice> fields, LocalDate applicationOpens,
                       LocalDate applicationCloses, LocalDate consultationDeadline, LocalDate firstScreeningOn,
                       LocalDate secondScreeningOn, LocalDate resultOn, CallStatus status, long version, boolean accepting) {

    public boolean theme() {
        return origin == CallOrigin.CITY;
    }
}
