package dev.dbmigrate.read;

import dev.dbmigrate.model.Tool;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registry: tool -> its {@link MigrationReader}. One line per reader. */
public final class Readers {

    private static final List<MigrationReader> ALL = List.of(
    );

    private static final Map<Tool, MigrationReader> BY_TOOL = new EnumMap<>(Tool.class);

    static {
        for (MigrationReader r : ALL) BY_TOOL.put(r.tool(), r);
    }

    private Readers() {}

    public static Optional<MigrationReader> forTool(Tool tool) {
        return Optional.ofNullable(BY_TOOL.get(tool));
    }

    public static List<MigrationReader> all() {
        return ALL;
    }
}
