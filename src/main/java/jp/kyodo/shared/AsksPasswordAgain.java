package jp.kyodo.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller action with weight (an approval, a decision on money, a change of someone's rights, an export of
 * personal data): when the person last gave their password longer ago than {@code kyodo.accounts.reauthenticate-after},
 * they are asked for it again before the action runs; what they submitted is carried through, so nothing is retyped.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AsksPasswordAgain {
}
