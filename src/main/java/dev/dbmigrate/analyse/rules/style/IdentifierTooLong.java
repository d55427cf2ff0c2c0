package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names a statement introduces that are longer than the database allows: PostgreSQL truncates
 * names over 63 bytes (NAMEDATALEN - 1) with only a NOTICE; MySQL / MariaDB reject names over 64
 * characters with an error.
 */
@RuleSpec(
        id = "identifier-too-long",
        summary = "Identifiers over 63 bytes (PostgreSQL truncates them) or 64 characters (MySQL rejects them)",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB})
public final class IdentifierTooLong extends Rule {

    static final int PG_MAX_BYTES = 63;
    static final int MYSQL_MAX_CHARS = 64;

    @Override
    public void check(OperationContext ctx, Operation op) {
        boolean pg = ctx.dialect() == Dialect.POSTGRESQL;
        List<String> tooLong = new ArrayList<>();
        for (String n : introducedNames(op)) {
            if (n == null) continue;
            if (pg ? n.getBytes(StandardCharsets.UTF_8).length > PG_MAX_BYTES : n.codePointCount(0, n.length()) > MYSQL_MAX_CHARS) tooLong.add(n);
        }
        if (tooLong.isEmpty()) return;
        String list = String.join(", ", tooLong.stream().map(n -> "\"" + n + "\"").toList());
        if (pg) {
            String first = tooLong.get(0);
            ctx.report(this,
                    (tooLong.size() == 1 ? "Name " : "Names ") + list + (tooLong.size() == 1 ? " is" : " are") + " longer than 63 bytes: PostgreSQL silently"
                            + " truncates " + (tooLong.size() == 1 ? "it" : "them") + " (to \"" + truncate(first) + "\"), so the catalog no longer matches the"
                            + " name the code and ORM use, and two long names that share their first 63 bytes collide",
                    null, "-- choose names of at most 63 bytes (abbreviate their parts); PostgreSQL would store \"" + truncate(first) + "\"");
        } else {
            ctx.report(this,
                    (tooLong.size() == 1 ? "Name " : "Names ") + list + (tooLong.size() == 1 ? " is" : " are") + " longer than 64 characters: "
                            + ctx.dialect().id() + " rejects the statement (\"Identifier name ... is too long\") and the migration fails",
                    null, "-- choose names of at most 64 characters");
        }
    }

    /** The names an operation gives to new objects (tables, columns, indexes, constraints, types). */
    static Set<String> introducedNames(Operation op) {
        Set<String> out = new LinkedHashSet<>();
        if (op instanceof Operation.CreateTable ct) {
            out.add(ct.table().name());
            for (ColumnDef c : ct.columns()) out.add(c.name());
            for (ConstraintDef c : ct.constraints()) out.add(c.name());
        } else if (op instanceof Operation.AddColumn ac) {
            out.add(ac.column().name());
        } else if (op instanceof Operation.RedefineColumn rd) {
            out.add(rd.definition().name());
        } else if (op instanceof Operation.RenameColumn rc) {
            out.add(rc.newName());
        } else if (op instanceof Operation.RenameTable rt) {
            out.add(rt.newName());
        } else if (op instanceof Operation.CreateIndex ci) {
            out.add(ci.index().name());
        } else if (op instanceof Operation.RenameIndex ri) {
            out.add(ri.newName());
        } else if (op instanceof Operation.AddConstraint ac) {
            out.add(ac.constraint().name());
        } else if (op instanceof Operation.RenameConstraint rc) {
            out.add(rc.newName());
        } else if (op instanceof Operation.CreateEnum ce) {
            out.add(ce.name());
        } else if (op instanceof Operation.CreateSchema cs) {
            out.add(cs.name());
        } else if (op instanceof Operation.OtherDdl od && "CREATE".equalsIgnoreCase(od.verb())) {
            out.add(od.name());
        }
        out.remove(null);
        return out;
    }

    /** What PostgreSQL keeps of a name: its first 63 bytes, not cutting a character in half. */
    static String truncate(String name) {
        byte[] b = name.getBytes(StandardCharsets.UTF_8);
        if (b.length <= PG_MAX_BYTES) return name;
        int end = PG_MAX_BYTES;
        while (end > 0 && (b[end] & 0xC0) == 0x80) end--;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }
}
