package uk.inspection.cli;

import java.io.PrintWriter;

/**
 * Progress on standard error, so that standard output stays the command's result: on a
 * terminal a bar redrawn in place, otherwise (CI logs, pipes) a line per phase and per
 * tenth done.
 */
final class Progress {

    private static final int WIDTH = 40;

    private final PrintWriter err;

    private final boolean terminal;

    private int shownTenth = -1;

    private boolean barShown;

    private int drawnPercent = -1;

    Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** Standard error, drawn as a bar when the command runs on a terminal. */
    static Progress onStandardError(PrintWriter err) {
        return new Progress(err, System.console() != null);
    }

    /** A new phase ("building yj-2024"): always its own line. */
    void phase(String what) {
        endBar();
        err.println(what);
        err.flush();
        shownTenth = -1;
    }

    void step(String what, long done, long total) {
        int percent = (int) Math.min(100, done * 100 / Math.max(1, total));
        if (terminal) {
            if (barShown && percent == drawnPercent) {
                return; // redrawn only when it moves: a step may be one of millions
            }
            drawnPercent = percent;
            int filled = percent * WIDTH / 100;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + percent + "% " + what);
            barShown = true;
            err.flush();
        }
        else if (percent / 10 > shownTenth) {
            shownTenth = percent / 10;
            err.println(what + " " + percent + "%");
            err.flush();
        }
    }

    void done() {
        endBar();
        err.flush();
    }

    private void endBar() {
        if (barShown) {
            err.println();
            barShown = false;
        }
        drawnPercent = -1;
    }

}
