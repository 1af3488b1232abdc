package jp.kyodo.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Deadlines a city sets: how many days before the event an endorsement or co-hosting application must arrive
 * (default 30), and how many days after it the report is due (default 30).
 */
@ConfigurationProperties("kyodo.support")
record SupportSettings(int eventDeadlineDays, int eventReportDays) {

    SupportSettings {
        if (eventDeadlineDays <= 0) {
            eventDeadlineDays = 30;
        }
        if (eventReportDays <= 0) {
            eventReportDays = 30;
        }
    }
}
