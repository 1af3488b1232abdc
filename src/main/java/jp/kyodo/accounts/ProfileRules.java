package jp.kyodo.accounts;

import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.PostalCode;
import jp.kyodo.shared.TextNormalizer;

/** Turns what a person typed into a normalized profile, or says which field is wrong. */
final class ProfileRules {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 255;

    private ProfileRules() {
    }

    static String name(String raw) {
        String name = raw == null ? "" : TextNormalizer.normalizeWidth(raw).replaceAll("\\s+", " ").trim();
        if (name.isEmpty()) {
            throw new InvalidInputException("name", "validation.required");
        }
        if (name.length() > NAME_MAX) {
            throw new InvalidInputException("name", "validation.tooLong", NAME_MAX);
        }
        return name;
    }

    static String email(String raw) {
        String email = raw == null ? "" : TextNormalizer.emailAddress(raw);
        if (email.isEmpty()) {
            throw new InvalidInputException("email", "validation.required");
        }
        if (email.length() > 254 || !email.matches("^[A-Za-z0-9._%+\\-']+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}$")) {
            throw new InvalidInputException("email", "validation.email");
        }
        return email;
    }

    static Profile profile(String name, String nameKana, String postalCode, String address, String phone) {
        String kana = blankToNull(nameKana);
        if (kana != null) {
            kana = TextNormalizer.furigana(kana);
            if (!TextNormalizer.isKatakanaReading(kana)) {
                throw new InvalidInputException("nameKana", "validation.furigana");
            }
            if (kana.length() > NAME_MAX) {
                throw new InvalidInputException("nameKana", "validation.tooLong", NAME_MAX);
            }
        }
        PostalCode postal = null;
        if (blankToNull(postalCode) != null) {
            try {
                postal = PostalCode.parse(postalCode);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("postalCode", "validation.postalCode");
            }
        }
        String addr = blankToNull(address);
        if (addr != null) {
            addr = TextNormalizer.normalizeWidth(addr);
            if (addr.length() > ADDRESS_MAX) {
                throw new InvalidInputException("address", "validation.tooLong", ADDRESS_MAX);
            }
        }
        PhoneNumber tel = null;
        if (blankToNull(phone) != null) {
            try {
                tel = PhoneNumber.parse(phone);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("phone", "validation.phone");
            }
        }
        return new Profile(name(name), kana, postal, addr, tel);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
