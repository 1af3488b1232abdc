package jp.kyodo.accounts;

import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.PostalCode;

/** A person's profile, normalized: フリガナ in full-width katakana, postcode and phone in half-width digits. */
public record Profile(String name, String nameKana, PostalCode postalCode, String address, PhoneNumber phone) {

    static Profile stored(String name, String nameKana, String postalCode, String address, String phone) {
        return new Profile(name, nameKana,
                postalCode == null ? null : PostalCode.parse(postalCode),
                address,
                phone == null ? null : PhoneNumber.parse(phone));
    }
}
