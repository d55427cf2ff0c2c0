package dev.dbmigrate.read.support;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fluent construction of a {@link Migration}; null attribute values are left out. */
public final class MigrationBuilder {

    private final Tool tool;
    private String id;
    private String name;
    private String version;
    private Path file;
    private Script up;
    private Script down;
    private DownKind downKind = DownKind.UNSUPPORTED;
    private Boolean transactional;
    private final List<String> dependsOn = new ArrayList<>();
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public MigrationBuilder(Tool tool) {
        this.tool = tool;
        this.transactional = tool.wrapsInTransactionByDefault();
    }

    public MigrationBuilder id(String v) { id = v; return this; }

    public MigrationBuilder name(String v) { name = v; return this; }

    public MigrationBuilder version(String v) { version = v; return this; }

    public MigrationBuilder file(Path v) { file = v; return this; }

    public MigrationBuilder up(Script v) { up = v; return this; }

    /** Sets the down script and derives the down kind from it (MISSING, EMPTY or PRESENT). */
    public MigrationBuilder down(Script v) {
        down = v;
        downKind = DownKinds.of(v);
        return this;
    }

    /**
     * Sets the down to a whole SQL file (null file: MISSING); an unreadable file still counts as
     * PRESENT (the problem is reported by {@link ReadSupport#readText}).
     */
    public MigrationBuilder downFile(Path downFile, List<dev.dbmigrate.read.ReadResult.Problem> problems) {
        if (downFile == null) return down(null);
        down(ReadSupport.sqlScript(downFile, problems));
        if (down == null) downKind = DownKind.PRESENT;
        return this;
    }

    public MigrationBuilder downKind(DownKind v) { downKind = v; return this; }

    /** Opts out of the tool's default transaction when {@code optOut} is true. */
    public MigrationBuilder noTransaction(boolean optOut) {
        if (optOut) transactional = false;
        return this;
    }

    public MigrationBuilder transactional(Boolean v) { transactional = v; return this; }

    public MigrationBuilder dependsOn(String v) { dependsOn.add(v); return this; }

    public MigrationBuilder attr(String key, Object value) {
        if (value != null) attributes.put(key, value);
        return this;
    }

    public String id() { return id; }

    public String version() { return version; }

    public Migration build() {
        return new Migration(tool, id, name, version, file, up, down, downKind, transactional, dependsOn, attributes);
    }
}
