package jp.kyodo.shared;

/**
 * Someone who acts in the portal, implemented by the signed-in principal so that modules such as audit can record
 * who acted without depending on the accounts module.
 */
public interface Actor {

    /** The account's id, or {@code null} for an actor without an account (such as the system). */
    Long accountId();

    /** The name to show and record for this actor. */
    String displayName();
}
