package dev.dbmigrate.db.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * The checksums migration tools record in their history tables, computed the way each tool does.
 * Written by hand because the algorithms are tiny and the tools' own libraries are not Java (or,
 * for Flyway, far too big to ship for one CRC); each is verified against the real tool in tests.
 */
public final class Checksums {

    private static final char BOM = '\uFEFF';

    private Checksums() {}

    /**
     * Flyway's checksum: a CRC32 updated with the UTF-8 bytes of every line of the decoded file,
     * line terminators ({@code \n}, {@code \r}, {@code \r\n}) excluded, a byte-order mark removed from
     * the first line, stored as a signed 32-bit integer. So CRLF and LF files have the same checksum,
     * while trailing blanks count.
     */
    public static int flyway(byte[] fileBytes) {
        String text = new String(fileBytes, StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            String line = r.readLine();
            if (line != null) {
                if (!line.isEmpty() && line.charAt(0) == BOM) line = line.substring(1);
                do {
                    crc.update(line.getBytes(StandardCharsets.UTF_8));
                } while ((line = r.readLine()) != null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return (int) crc.getValue();
    }

    /** Lower-case hex SHA-256 of the bytes: Prisma's {@code checksum} and Drizzle's {@code hash}. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    /** SHA-384 of the bytes, lower-case hex: sqlx's {@code checksum} (stored as 48 raw bytes). */
    public static String sha384Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-384", bytes));
    }

    /** Lower-case hex MD5 (Liquibase's MD5SUM body). */
    public static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5", bytes));
    }

    /**
     * Prisma's own comparison: the recorded checksum matches when the SHA-256 of the script, of the
     * script with CRLF turned into LF, or of the script with LF turned into CRLF equals it (git may
     * change line endings); old Prisma versions wrote hex without zero padding, which also matches.
     */
    public static boolean prismaMatches(byte[] scriptBytes, String recorded) {
        if (recorded == null) return false;
        String script = new String(scriptBytes, StandardCharsets.UTF_8);
        String[] variants = {script, script.replace("\r\n", "\n"), script.replace("\n", "\r\n")};
        for (String v : variants) {
            byte[] d = digest("SHA-256", v.getBytes(StandardCharsets.UTF_8));
            String hex = recorded.length() != 64 && !recorded.isEmpty() ? unpaddedHex(d) : HexFormat.of().formatHex(d);
            if (hex.equals(recorded)) return true;
        }
        return false;
    }

    private static String unpaddedHex(byte[] d) {
        StringBuilder sb = new StringBuilder();
        for (byte b : d) sb.append(Integer.toHexString(b & 0xff));
        return sb.toString();
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " missing from the JDK", e);
        }
    }
}
