package jp.kyodo.accounts;

import jp.kyodo.shared.InvalidInputException;
import jp.kyodo.shared.PhoneNumber;
import jp.kyodo.shared.PostalCode;
import jp.kyodo.shared.TextNormalizer;

/** Turns what a person typed into a normalized profile, or says which field is wrong. */
final class ProfileRules {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 255;
    static final int PHONE_MAX = 20;

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
        if (email.length() > 254 || !jp.kyodo.shared.Inputs.isEmailAddress(email)) {
            throw new InvalidInputException("email", "validation.email");
        }
        return email;
    }

    static Profile profile(String name, String nameKana, String postalCode, String address, String phone) {
        InvalidInputException.Checks checks = new InvalidInputException.Checks();
        String checkedName = checks.check(() -> name(name));
        String kana = checks.check(() -> furigana(nameKana));
        PostalCode postal = checks.check(() -> postalCode(postalCode));
        String addr = checks.check(() -> address(address));
        PhoneNumber tel = checks.check(() -> phone(phone));
        checks.throwIfAny();
        return new Profile(checkedName, kana, postal, addr, tel);
    }

    private static String furigana(String raw) {
        String kana = blankToNull(raw);
        if (kana == null) {
            return null;
        }
        kana = TextNormalizer.furigana(kana);
        if (!TextNormalizer.isKatakanaReading(kana)) {
            throw new InvalidInputException("nameKana", "validation.furigana");
        }
        if (kana.length() > NAME_MAX) {
            throw new InvalidInputException("nameKana", "validation.tooLong", NAME_MAX);
        }
        return kana;
    }

    private static PostalCode postalCode(String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        try {
            return PostalCode.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("postalCode", "validation.postalCode");
        }
    }

    private static String address(String raw) {
        String addr = blankToNull(raw);
        if (addr == null) {
            return null;
        }
        addr = TextNormalizer.normalizeWidth(addr);
        if (addr.length() > ADDRESS_MAX) {
            throw new InvalidInputException("address", "validation.tooLong", ADDRESS_MAX);
        }
        return addr;
    }

    private static PhoneNumber phone(String raw) {
        if (blankToNull(raw) == null) {
            return null;
        }
        PhoneNumber parsed;
        try {
            parsed = PhoneNumber.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("phone", "validation.phone");
        }
        // An odd grouping (digits typed one by one with spaces) is kept as plain digits.
        return parsed.display().length() <= PHONE_MAX ? parsed : new PhoneNumber(parsed.digits(), parsed.digits());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
