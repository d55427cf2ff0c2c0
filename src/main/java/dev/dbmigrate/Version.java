package dev.dbmigrate;

/** The product version (kept in step with the pom). */
public final class Version {

    public static final String VERSION = "0.1.0";

    private Version() {}
}
