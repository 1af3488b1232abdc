package jp.kyodo.collaboration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The programme's rules a city sets: whether prior consultation (事前相談) must have had the department's answer
 * before a proposal is submitted, the limits on attached files, the weights of the evaluation's three sides
 * (percent), the tolerance beyond which an actual amount is highlighted against the budget, and how many days after
 * the project's end the completion report is due.
 */
@ConfigurationProperties("kyodo.collaboration")
record CollaborationSettings(boolean consultationRequired, int maxAttachments, DataSize maxAttachmentSize, int weightGroup,
                             int weightCity, int weightCommittee, int differenceTolerancePercent, int completionReportDays) {

    CollaborationSettings {
        if (maxAttachments <= 0) {
            maxAttachments = 5;
        }
        if (maxAttachmentSize == null) {
            maxAttachmentSize = DataSize.ofMegabytes(10);
        }
        if (weightGroup + weightCity + weightCommittee <= 0) {
            weightGroup = 20;
            weightCity = 20;
            weightCommittee = 60;
        }
        if (differenceTolerancePercent <= 0) {
            differenceTolerancePercent = 10;
        }
        if (completionReportDays <= 0) {
            completionReportDays = 30;
        }
    }

    java.util.Map<EvaluationMath.Side, Integer> weights() {
        return java.util.Map.of(EvaluationMath.Side.GROUP, weightGroup, EvaluationMath.Side.CITY, weightCity,
                EvaluationMath.Side.COMMITTEE, weightCommittee);
    }
}
