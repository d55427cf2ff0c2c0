package dev.dbmigrate.read;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.alembic.AlembicReader;
import dev.dbmigrate.read.dbmate.DbmateReader;
import dev.dbmigrate.read.diesel.DieselReader;
import dev.dbmigrate.read.django.DjangoReader;
import dev.dbmigrate.read.drizzle.DrizzleReader;
import dev.dbmigrate.read.flyway.FlywayReader;
import dev.dbmigrate.read.golangmigrate.GolangMigrateReader;
import dev.dbmigrate.read.goose.GooseReader;
import dev.dbmigrate.read.knex.KnexReader;
import dev.dbmigrate.read.liquibase.LiquibaseReader;
import dev.dbmigrate.read.prisma.PrismaReader;
import dev.dbmigrate.read.rails.RailsReader;
import dev.dbmigrate.read.rawsql.RawSqlReader;
import dev.dbmigrate.read.sequelize.SequelizeReader;
import dev.dbmigrate.read.sqlx.SqlxReader;
import dev.dbmigrate.read.typeorm.TypeOrmReader;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Registry: tool -> its {@link MigrationReader}. One line per reader. */
public final class Readers {

    private static final List<MigrationReader> ALL = List.of(
            new PrismaReader(),
            new DrizzleReader(),
            new TypeOrmReader(),
            new SequelizeReader(),
            new KnexReader(),
            new DjangoReader(),
            new AlembicReader(),
            new RailsReader(),
            new GolangMigrateReader(),
            new GooseReader(),
            new FlywayReader(),
            new LiquibaseReader(),
            new DieselReader(),
            new DbmateReader(),
            new SqlxReader(),
            new RawSqlReader()
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

    /** Reads the project's migrations with the tool's reader. */
    public static ReadResult read(Tool tool, ReadContext context) {
        return forTool(tool)
                .orElseThrow(() -> new InputException("reading " + tool + " migrations is not supported in this build"))
                .read(context);
    }
}
