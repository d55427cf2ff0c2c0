package dev.dbmigrate.read.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadFixtures;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;
import java.util.List;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;

/** Our reading of a changelog tree agrees with Liquibase's own parser (liquibase-core, test scope). */
class LiquibaseAgainstLiquibaseTest {

    @Test
    void sameChangeSetsOrderIdentityTransactionsAndRollbacks() throws Exception {
        Path resources = ReadFixtures.root("liquibase").resolve("src/main/resources");
        String master = "db/changelog/db.changelog-master.xml";
        ResourceAccessor accessor = new DirectoryResourceAccessor(resources.toFile());
        DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(master, accessor)
                .parse(master, new ChangeLogParameters(), accessor);
        List<ChangeSet> theirs = log.getChangeSets();

        ReadResult ours = ReadFixtures.read(Tool.LIQUIBASE, "liquibase");
        assertThat(ours.migrations().stream().map(Migration::id).toList())
                .isEqualTo(theirs.stream().map(cs -> cs.getId() + "::" + cs.getAuthor() + "::" + cs.getFilePath()).toList());
        for (int i = 0; i < theirs.size(); i++) {
            ChangeSet cs = theirs.get(i);
            Migration m = ours.migrations().get(i);
            assertThat(m.transactional()).as(m.id()).isEqualTo(cs.isRunInTransaction());
            boolean declaresRollback = !cs.getRollback().getChanges().isEmpty();
            assertThat(m.downKind() == DownKind.PRESENT || m.downKind() == DownKind.EMPTY).as(m.id()).isEqualTo(declaresRollback);
        }
    }
}
