package dev.dbmigrate.detect;

import java.util.regex.Pattern;

/** Removes secrets from text that goes into evidence: URL passwords and password=... parameters. */
final class Redact {

    private Redact() {}

    private static final Pattern URL_PASSWORD = Pattern.compile("(://[^:/@\\s'\"]*):([^@\\s/'\"]*)@");
    private static final Pattern PARAM_PASSWORD = Pattern.compile("(?i)\\b(password|passwd|pwd)=([^&;\\s'\"]+)");

    /** "postgres://app:s3cret@db/app" -> "postgres://app:***@db/app"; "password=x" -> "password=***". */
    static String secrets(String text) {
        if (text == null) return null;
        String s = URL_PASSWORD.matcher(text).replaceAll("$1:***@");
        return PARAM_PASSWORD.matcher(s).replaceAll("$1=***");
    }
}
