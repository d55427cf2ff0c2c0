package dev.dbmigrate.parse.js;

final class TypeOrmCalls {
    private final JsWalker w;

    TypeOrmCalls(JsWalker w) {
        this.w = w;
    }

    boolean handle(Chain c, JsScope scope) {
        return false;
    }
}
