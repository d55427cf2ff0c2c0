package dev.dbmigrate.cli;

/** --format values. Not every command supports every format; commands say which in their help. */
public enum OutputFormat {
    text, json, sarif, github, sql
}
