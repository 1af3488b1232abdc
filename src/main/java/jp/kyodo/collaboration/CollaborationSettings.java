package jp.kyodo.collaboration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The programme's rules a city sets: whether prior consultation (事前相談) must have had the department's answer
 * before a proposal is submitted, and the limits on attached files.
 */
@ConfigurationProperties("kyodo.collaboration")
record CollaborationSettings(boolean consultationRequired, int maxAttachments, DataSize maxAttachmentSize) {

    CollaborationSettings {
        if (maxAttachments <= 0) {
            maxAttachments = 5;
        }
        if (maxAttachmentSize == null) {
            maxAttachmentSize = DataSize.ofMegabytes(10);
        }
    }
}
