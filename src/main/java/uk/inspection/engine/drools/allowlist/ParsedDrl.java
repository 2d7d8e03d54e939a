package uk.inspection.engine.drools.allowlist;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.io.DescrResource;
import org.kie.api.io.Resource;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.io.ResourceFactory;

/**
 * A DRL text parsed once by Drools' own parser: the tree the checks read and the compiler
 * compiles ({@link #resource()}), so the compiler never reads a text a checker did not;
 * or, when it does not parse, the parser's errors.
 */
public record ParsedDrl(String path, String text, PackageDescr descr, List<? extends KnowledgeBuilderError> errors) {

    public static final String TOO_DEEP = "the file nests expressions or blocks too deeply to be read: write them flatter";

    public ParsedDrl {
        errors = List.copyOf(errors);
    }

    public static ParsedDrl parse(String path, String drl) {
        Resource text = ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)).setSourcePath(path);
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(text, drl);
            if (parser.hasErrors()) {
                return new ParsedDrl(path, drl, null, parser.getErrors());
            }
            if (descr == null) {
                return new ParsedDrl(path, drl, null, List.of(new ParserError(text, "the file does not parse", 1, 0)));
            }
            return new ParsedDrl(path, drl, descr, List.of());
        }
        catch (DroolsParserException e) {
            return new ParsedDrl(path, drl, null, List.of(new ParserError(text, e.getMessage(), e.getLineNumber(), 0)));
        }
        catch (StackOverflowError e) {
            // The parser recurses once per level of nesting: a text can be written to
            // exhaust the stack, which is the writer's problem to be told, not an error.
            return new ParsedDrl(path, drl, null, List.of(new ParserError(text, TOO_DEEP, 1, 0)));
        }
    }

    /**
     * The file the text is of: a decision table's generated DRL has the table's path and
     * its sheet after a {@code #}.
     */
    public String file() {
        return path.contains("#") ? path.substring(0, path.indexOf('#')) : path;
    }

    /** The parse as the compiler takes it, under the file's path. */
    public Resource resource() {
        return new DescrResource(descr).setSourcePath(path);
    }

}
