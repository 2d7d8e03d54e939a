package uk.inspection.engine.drools;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import uk.inspection.engine.LoadProblem;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.tables.DecisionTableTranslator;

/**
 * What a build derives from one file alone (a table's translation to DRL, a DRL text's
 * allow-list refusals), kept for the next build that meets the same bytes: a reload after
 * an edit to one file then reads, translates and checks only that file again. Both are
 * functions of the file alone (the path and the bytes, or the text and the table it was
 * generated from), and what is kept is immutable, so a build cannot tell a kept result
 * from a fresh one. A file that fails to translate is not kept: it is tried again, as
 * before. At most {@link #KEPT} results of each kind, the least recently used dropped
 * first. Each engine keeps its own: what one engine's builds met is no other's concern,
 * and it goes with the engine.
 */
final class UnchangedFiles {

    /**
     * Room for every file of the shipped frameworks several times over (a few dozen
     * files, a few kilobytes each), and for the versions a store refresh and the previews
     * build beside them.
     */
    static final int KEPT = 256;

    private final Map<TableKey, DecisionTableTranslator.Translated> translated = lru();

    private final Map<DrlKey, List<LoadProblem>> refusals = lru();

    /** The bytes themselves: a ByteBuffer is equal to another with the same content. */
    private record TableKey(String path, RuleSource.Type type, ByteBuffer content) {
    }

    private record DrlKey(String path, String drl, DecisionTableTranslator.Generated table) {
    }

    /**
     * The table's translation, from a build that read the same bytes if there was one.
     */
    DecisionTableTranslator.Translated translated(RuleSource table, Translation translate) throws IOException {
        TableKey key = new TableKey(table.path(), table.type(), ByteBuffer.wrap(table.content().clone()));
        DecisionTableTranslator.Translated kept = translated.get(key);
        if (kept != null) {
            return kept;
        }
        DecisionTableTranslator.Translated fresh = translate.of(table);
        translated.put(key, fresh);
        return fresh;
    }

    /**
     * The refusals of one DRL text ({@code table} the table it was generated from, or
     * null).
     */
    List<LoadProblem> refusals(String path, String drl, DecisionTableTranslator.Generated table,
            Supplier<List<LoadProblem>> check) {
        DrlKey key = new DrlKey(path, drl, table);
        List<LoadProblem> kept = refusals.get(key);
        if (kept != null) {
            return kept;
        }
        List<LoadProblem> fresh = List.copyOf(check.get());
        refusals.put(key, fresh);
        return fresh;
    }

    /** Reading a table, which may fail. */
    interface Translation {

        DecisionTableTranslator.Translated of(RuleSource table) throws IOException;

    }

    private static <K, V> Map<K, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > KEPT;
            }
        });
    }

}
