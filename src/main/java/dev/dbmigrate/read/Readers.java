package dev.dbmigrate.read;

import dev.dbmigrate.model.Tool;
import java.util.List;
import java.util.Optional;

/** The migration readers, one per tool. Register new readers in {@link #READERS}, one line each. */
public final class Readers {

    private static final List<MigrationReader> READERS = List.of(
            new dev.dbmigrate.read.alembic.AlembicReader(),
            new dev.dbmigrate.read.django.DjangoReader()
    );

    private Readers() {}

    public static Optional<MigrationReader> forTool(Tool tool) {
        return READERS.stream().filter(r -> r.tool() == tool).findFirst();
    }

    public static List<MigrationReader> all() {
        return READERS;
    }
}
