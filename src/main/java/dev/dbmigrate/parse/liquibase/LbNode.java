package dev.dbmigrate.parse.liquibase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An order-preserving tree of a Liquibase changelog read with a Jackson streaming parser (XML,
 * YAML or JSON), where every node knows its first and last line in the file. XML attributes and
 * child elements both become fields in document order (repeated elements stay repeated fields;
 * Jackson's tree model would merge them and lose the order of changes); element text next to
 * attributes is the field named "".
 *
 * @param line    1-based line where the node (or the field holding it) starts
 * @param column  1-based column of that start
 * @param endLine 1-based last line
 * @param valueLine 1-based line where a scalar's value token starts (for XML text and YAML block
 *                scalars this differs from the field's line), else {@code line}
 * @param scalar  the text of a scalar node (null for objects, arrays and null values)
 * @param fields  the fields of an object node, else null
 * @param items   the items of an array node, else null
 */
public record LbNode(int line, int column, int endLine, int valueLine, String scalar, List<Map.Entry<String, LbNode>> fields, List<LbNode> items) {

    public boolean isObject() {
        return fields != null;
    }

    public boolean isArray() {
        return items != null;
    }

    /** The first field called {@code name}, or null. */
    public LbNode get(String name) {
        if (fields == null) return null;
        for (Map.Entry<String, LbNode> e : fields) {
            if (e.getKey().equals(name)) return e.getValue();
        }
        return null;
    }

    /** Every field called {@code name}, in order. */
    public List<LbNode> all(String name) {
        List<LbNode> out = new ArrayList<>();
        if (fields != null) {
            for (Map.Entry<String, LbNode> e : fields) {
                if (e.getKey().equals(name)) out.add(e.getValue());
            }
        }
        return out;
    }

    /** The scalar text of field {@code name}, or null. */
    public String text(String name) {
        LbNode n = get(name);
        return n == null ? null : n.scalar;
    }

    /** Field {@code name} read as a boolean, or {@code dflt} when absent. */
    public boolean flag(String name, boolean dflt) {
        String v = text(name);
        return v == null || v.isBlank() ? dflt : Boolean.parseBoolean(v.trim());
    }

    /** This node's own text: the scalar, or the XML element text next to attributes. */
    public String body() {
        if (scalar != null) return scalar;
        return text("");
    }

}
