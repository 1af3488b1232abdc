package jp.kyodo.collaboration;

import jp.kyodo.shared.Yen;
import org.springframework.stereotype.Component;

/** Amounts for the pages ({@code ${@yen.format(amount)}}): 1,234,567円. */
@Component("yen")
public class YenFormat {

    public String format(Long amount) {
        return amount == null ? "" : Yen.format(amount);
    }
}
