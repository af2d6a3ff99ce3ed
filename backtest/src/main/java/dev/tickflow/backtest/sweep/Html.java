package dev.tickflow.backtest.sweep;

/** Escaping for the sweep's HTML and SVG. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
