package dev.dbmigrate.mcp;

import dev.dbmigrate.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to a tool call's arguments; bad values become {@link InputException}s naming the argument. */
public final class ToolArgs {

    private final Map<String, Object> raw;
    private final Path workingDir;

    public ToolArgs(Map<String, Object> raw, Path workingDir) {
        this.raw = raw == null ? Map.of() : raw;
        this.workingDir = workingDir;
    }

    public boolean has(String name) {
        Object v = raw.get(name);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    public String string(String name) {
        Object v = raw.get(name);
        if (v == null) return null;
        if (v instanceof String s) return s.isBlank() ? null : s;
        if (v instanceof Number || v instanceof Boolean) return v.toString();
        throw new InputException("argument '" + name + "' must be a string");
    }

    public String requireString(String name) {
        String s = string(name);
        if (s == null) throw new InputException("argument '" + name + "' is required");
        return s;
    }

    public Integer integer(String name) {
        Object v = raw.get(name);
        if (v == null) return null;
        if (v instanceof Number n) return n.intValue();
        if (v instanceof String s && !s.isBlank()) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new InputException("argument '" + name + "' must be an integer, got '" + s + "'");
            }
        }
        throw new InputException("argument '" + name + "' must be an integer");
    }

    public boolean bool(String name, boolean dflt) {
        Object v = raw.get(name);
        if (v == null) return dflt;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return Boolean.parseBoolean(s.trim());
        throw new InputException("argument '" + name + "' must be true or false");
    }

    public List<String> strings(String name) {
        Object v = raw.get(name);
        if (v == null) return List.of();
        if (v instanceof String s) return s.isBlank() ? List.of() : List.of(s);
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (o != null) out.add(o.toString());
            }
            return out;
        }
        throw new InputException("argument '" + name + "' must be a string or a list of strings");
    }

    /** A path argument resolved against the server's working directory; must exist. */
    public Path existingPath(String name, boolean defaultToWorkingDir) {
        String s = string(name);
        if (s == null) {
            if (defaultToWorkingDir) return workingDir;
            throw new InputException("argument '" + name + "' is required");
        }
        Path p = workingDir.resolve(s).toAbsolutePath().normalize();
        if (!Files.exists(p)) {
            throw new InputException("argument '" + name + "': " + p + " does not exist");
        }
        return p;
    }

    public Path workingDir() {
        return workingDir;
    }
}
