package uk.inspection.engine.drools.allowlist;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.objectweb.asm.Label;
import org.objectweb.asm.Opcodes;

/**
 * The exception handlers of one method, each of which must do nothing but release a lock
 * and throw on what it caught: the handler the compiler writes for a {@code synchronized}
 * block ({@code astore; aload; monitorexit; aload; athrow}), the only one Drools'
 * invokers have. Anything else could swallow the stop at a limit ({@link RuleWork}) or
 * the thread's stop ({@link Deadline}).
 */
final class LockReleases {

    private static final List<Integer> RELEASE = List.of(Opcodes.ASTORE, Opcodes.ALOAD, Opcodes.MONITOREXIT,
            Opcodes.ALOAD, Opcodes.ATHROW);

    private final Set<Label> handlers = new HashSet<>();

    private List<Integer> current;

    private boolean other;

    /** A handler declared (before any of the method's labels are met). */
    void handler(Label start) {
        handlers.add(start);
    }

    void label(Label label) {
        if (handlers.contains(label)) {
            finish();
            current = new ArrayList<>();
        }
    }

    /** An instruction of the method, by opcode (-1 for one that is never a release). */
    void instruction(int opcode) {
        if (current != null) {
            current.add(opcode);
            if (current.size() == RELEASE.size()) {
                finish();
            }
        }
    }

    /** Whether every handler met was a release. */
    boolean onlyReleases() {
        finish();
        return !other;
    }

    private void finish() {
        if (current != null && !current.equals(RELEASE)) {
            other = true;
        }
        current = null;
    }

}
