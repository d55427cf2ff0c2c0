package dev.dbmigrate.parse.js;

final class SequelizeCalls {
    private final JsWalker w;

    SequelizeCalls(JsWalker w) {
        this.w = w;
    }

    boolean handle(Chain c, JsScope scope) {
        return false;
    }
}
