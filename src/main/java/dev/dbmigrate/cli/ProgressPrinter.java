package dev.dbmigrate.cli;

import dev.dbmigrate.service.Progress;
import java.io.PrintWriter;

/** Progress on stderr, only when stderr is an interactive terminal and the work is long. */
final class ProgressPrinter {

    private ProgressPrinter() {}

    static Progress forStderr(PrintWriter err) {
        if (System.console() == null) return Progress.NONE;
        long start = System.nanoTime();
        return (done, total, message) -> {
            if (System.nanoTime() - start < 1_000_000_000L) return;
            err.print("\r" + done + (total >= 0 ? "/" + total : "") + " " + message + "\u001b[K");
            if (done == total) err.print("\r\u001b[K");
            err.flush();
        };
    }
}
