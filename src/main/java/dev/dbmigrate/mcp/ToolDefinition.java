package dev.dbmigrate.mcp;

import dev.dbmigrate.service.Progress;

/**
 * One MCP tool: its description for the model, its JSON schemas (resources under
 * {@code /mcp/schemas/<name>.input.json} and {@code .output.json}), its annotations, and the
 * service call behind it. Handlers are thin: arguments in, a result record out; rendering is shared.
 */
public record ToolDefinition(
        String name,
        String title,
        String description,
        boolean readOnly,
        boolean destructive,
        boolean idempotent,
        boolean openWorld,
        Handler handler) {

    @FunctionalInterface
    public interface Handler {
        /** @return a result record (rendered as text + structuredContent) */
        Object call(ToolArgs args, Progress progress);
    }
}
