package dev.dbmigrate.parse.js;

import dev.dbmigrate.parse.js.JsAst.Call;
import dev.dbmigrate.parse.js.JsAst.Id;
import dev.dbmigrate.parse.js.JsAst.Index;
import dev.dbmigrate.parse.js.JsAst.Lit;
import dev.dbmigrate.parse.js.JsAst.Member;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Unary;
import java.util.ArrayList;
import java.util.List;

/**
 * A call chain read from the root outwards: {@code knex.schema.createTable('t', fn).createTable(...)}
 * is root {@code knex} with links {@code schema}, {@code createTable(...)}, {@code createTable(...)};
 * {@code knex('users').where(...).del()} is root {@code knex} with links {@code ()}, {@code where(...)},
 * {@code del()}. TypeScript casts and non-null assertions are looked through; aliases
 * ({@code const schema = knex.schema}) are expanded by the caller through {@link #withPrefix}.
 *
 * @param root  the innermost expression (usually an {@link Id})
 * @param links the member accesses and calls after it, in source order
 */
public record Chain(Node root, List<Link> links) {

    /**
     * One link: {@code name} of the member ("" for a direct call of the previous value),
     * {@code args} (null for a plain property access), {@code node} the expression up to and
     * including this link, {@code nameStart} the offset of the member name.
     */
    public record Link(String name, List<Node> args, Node node, int nameStart) {
        public boolean isCall() {
            return args != null;
        }

        public Node arg(int k) {
            return args != null && k < args.size() ? args.get(k) : null;
        }
    }

    public static Chain of(Node n) {
        List<Link> links = new ArrayList<>();
        Node cur = unwrap(n);
        while (true) {
            if (cur instanceof Call c) {
                Node callee = unwrap(c.callee());
                if (callee instanceof Member m) {
                    links.add(0, new Link(m.name(), c.args(), c, m.end() - m.name().length()));
                    cur = unwrap(m.object());
                } else if (callee instanceof Index ix && ix.key() instanceof Lit l && l.value() instanceof String s) {
                    links.add(0, new Link(s, c.args(), c, ix.key().start()));
                    cur = unwrap(ix.object());
                } else {
                    links.add(0, new Link("", c.args(), c, callee.end()));
                    cur = callee;
                }
            } else if (cur instanceof Member m) {
                links.add(0, new Link(m.name(), null, m, m.end() - m.name().length()));
                cur = unwrap(m.object());
            } else if (cur instanceof Index ix && ix.key() instanceof Lit l && l.value() instanceof String s) {
                links.add(0, new Link(s, null, ix, ix.key().start()));
                cur = unwrap(ix.object());
            } else {
                return new Chain(cur, links);
            }
        }
    }

    /** Strips TypeScript casts ({@code x as T}, {@code <T>x}) and parentheses. */
    public static Node unwrap(Node n) {
        while (n instanceof Unary u && u.op().equals("as")) n = u.arg();
        return n;
    }

    /** The root's name when it is an identifier, else null. */
    public String rootName() {
        return root instanceof Id id ? id.name() : null;
    }

    /** This chain with {@code prefix}'s root and links put before its own (alias expansion). */
    public Chain withPrefix(Chain prefix) {
        List<Link> all = new ArrayList<>(prefix.links);
        all.addAll(links);
        return new Chain(prefix.root, all);
    }

    public Chain from(int k) {
        return new Chain(root, links.subList(k, links.size()));
    }

    /** Index of the first link named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int k = 0; k < links.size(); k++) {
            if (links.get(k).name().equals(name)) return k;
        }
        return -1;
    }

    public Link link(int k) {
        return k < links.size() ? links.get(k) : null;
    }
}
