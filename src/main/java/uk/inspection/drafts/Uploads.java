package uk.inspection.drafts;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.engine.BuildLimits;
import uk.inspection.engine.RuleEngine;
import uk.inspection.engine.RuleSource;
import uk.inspection.engine.drools.DroolsRuleEngine;
import uk.inspection.problem.Decision;
import uk.inspection.problem.Failure;
import uk.inspection.problem.FieldProblem;
import uk.inspection.problem.VisibleText;
import uk.inspection.regression.Fixture;
import uk.inspection.ruleset.RuleFile;

/**
 * Files uploaded for a draft, checked before anything is written: each must be a rule
 * file (a manifest, DRL, a decision or translation table, a fixture), under one of the
 * framework's own folders, named by a plain relative path (no {@code ..}, no absolute
 * path, nothing hidden, nothing that makes it look like another), a rule file must use
 * nothing rule files may not (the engine's refusals), a fixture must be one the review
 * can read, and a workbook must unpack within limits that stop a zip bomb before a
 * spreadsheet reader sees it. A file given by its name alone (as a browser sends it) is
 * the framework's file of that name, or a new file in the folder its kind belongs in.
 */
public final class Uploads {

    /**
     * What a workbook may unpack to: far above a real decision table (tens of kilobytes).
     */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;

    static final int MAX_ENTRIES = 500;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final RuleEngine ENGINE = new DroolsRuleEngine();

    /**
     * The version's tag a downloaded file's name carries before its first dot: an
     * {@code @} and 12 hex digits.
     */
    private static final Pattern VERSION_TAG = Pattern.compile("@[0-9a-fA-F]{12}(?=\\.)");

    /**
     * One uploaded part: the path it was given under (or its file name), and its bytes.
     */
    public record Part(String field, String name, byte[] content) {
    }

    private Uploads() {
    }

    /**
     * The uploaded files by path, or every problem by part; a file over the build limit
     * is refused here, before anything is written.
     */
    public static Decision<Map<String, byte[]>> read(String framework, List<Part> parts, List<String> existing,
            BuildLimits limits) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, String> fields = new TreeMap<>();
        if (parts.isEmpty()) {
            problems.add(new FieldProblem("files", "upload at least one edited file"));
        }
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            String field = "files[" + i + "]";
            String path = place(framework, part.name(), existing);
            String why = whyRefused(framework, path);
            if (why == null) {
                why = limits.whyTooLarge(part.content().length);
            }
            if (why == null) {
                why = whyUnreadable(path, part.content());
            }
            if (why != null) {
                problems.add(new FieldProblem(field, "'" + part.name() + "': " + why));
            }
            else if (files.put(path, part.content()) != null) {
                problems.add(new FieldProblem(field, "'" + path + "' is given twice"));
            }
            else {
                fields.put(path, field);
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(refusals(files, fields));
        }
        return problems.isEmpty() ? Decision.decided(files) : Decision.refused(Failure.invalidFacts(problems));
    }

    /**
     * What the rule engine refuses in the uploaded rule files, each at its file and line
     * or cell, named by the part that brought it: such a file is never stored, so no
     * draft holds a construct rule files may not use.
     */
    private static List<FieldProblem> refusals(Map<String, byte[]> files, Map<String, String> fields) {
        List<RuleSource> sources = new ArrayList<>();
        files.forEach((path, content) -> {
            RuleFile file = new RuleFile(path, content);
            if (file.kind() == RuleFile.Kind.DRL) {
                sources.add(new RuleSource(path, RuleSource.Type.DRL, content));
            }
            else if (file.kind() == RuleFile.Kind.DECISION_TABLE) {
                sources.add(new RuleSource(path,
                        file.isCsv() ? RuleSource.Type.CSV_TABLE : RuleSource.Type.WORKBOOK_TABLE, content));
            }
        });
        return ENGINE.refusals(sources)
            .stream()
            .map(refused -> new FieldProblem(fields.getOrDefault(refused.file(), "files"), refused.toString()))
            .toList();
    }

    /**
     * Where a file given by its name alone goes (a version's tag in it, as a download is
     * named, left out): the framework's file of that name when there is exactly one, else
     * (when there is none) the folder its kind belongs in; a path, or a name the
     * framework has twice, is left as given for the checks to judge.
     */
    static String place(String framework, String given, List<String> existing) {
        if (given == null || given.contains("/") || given.contains("\\")) {
            return given;
        }
        // A file downloaded from the service is named with its version's tag
        // (bandings@496d27796e10.drl.xlsx): uploaded back, it is the file it was.
        String name = VERSION_TAG.matcher(given).replaceFirst("");
        List<String> matches = existing.stream().filter(path -> path.endsWith("/" + name)).toList();
        if (!matches.isEmpty()) {
            return matches.size() == 1 ? matches.get(0) : name;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return "fixtures/" + framework + "/" + name;
        }
        if (lower.endsWith(".drl") || lower.equals("framework.yaml")) {
            return "rules/" + framework + "/" + name;
        }
        if (lower.endsWith(".xlsx") || lower.endsWith(".csv")) {
            return "decision-tables/" + framework + "/" + name;
        }
        return name;
    }

    static String whyRefused(String framework, String path) {
        if (path == null || path.isBlank()) {
            return "give the file's path, such as decision-tables/" + framework + "/bandings.drl.xlsx";
        }
        String unseen = unseen(path);
        if (unseen != null) {
            return "the path holds " + unseen + ": name the file with visible characters only, without spaces";
        }
        if (path.contains("\\")) {
            return "the path may hold only plain characters and forward slashes";
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "an absolute path is not allowed: give it relative to the rules home";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "the path may not hold '..', '.' or empty parts";
            }
            if (segment.startsWith(".") || segment.startsWith("~$")) {
                return "hidden and lock files are not rule files";
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (path.startsWith("rules/" + framework + "/")) {
            return name.equals("framework.yaml") || name.endsWith(".drl") ? null
                    : "under rules/ only framework.yaml and .drl files belong";
        }
        if (path.startsWith("decision-tables/" + framework + "/")) {
            return name.endsWith(".drl.xlsx") || name.endsWith(".drl.csv") || name.endsWith(".translation.xlsx") ? null
                    : "a decision table must be named .drl.xlsx or .drl.csv (or .translation.xlsx), or Drools skips it";
        }
        if (path.startsWith("fixtures/" + framework + "/")) {
            return name.endsWith(".json") ? null : "a fixture is a .json file";
        }
        return "outside the framework's folders: rules/" + framework + "/, decision-tables/" + framework
                + "/ or fixtures/" + framework + "/";
    }

    /**
     * What in a path could make it look like another: a character a reader cannot see
     * (whitespace included: such names are hard to tell apart, and none is needed), or a
     * form that normalisation changes ({@code e} and a combining accent beside {@code é},
     * a full-width letter beside a plain one). Null when there is none.
     */
    private static String unseen(String path) {
        String unseen = VisibleText.firstUnseen(path);
        if (unseen != null || Normalizer.isNormalized(path, Normalizer.Form.NFKC)) {
            return unseen;
        }
        return "characters that normalisation changes (" + Normalizer.normalize(path, Normalizer.Form.NFKC)
                + " is how it reads)";
    }

    /** Why a rule file's content cannot be read as its kind; null when it can. */
    static String whyUnreadable(String path, byte[] content) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return zipWithinLimits(content);
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(content));
        }
        catch (CharacterCodingException e) {
            return "not UTF-8 text";
        }
        if (name.endsWith(".json")) {
            try {
                // A fixture the review could not read would leave a draft nobody can
                // review.
                return Fixture.whatIsMissing(JSON.readTree(content));
            }
            catch (IOException e) {
                return "not JSON: " + e.getMessage().lines().findFirst().orElse("");
            }
        }
        return null;
    }

    /**
     * Unpacks the workbook counting real bytes, not the sizes its headers claim, and
     * stops at the limits.
     */
    private static String zipWithinLimits(byte[] content) {
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    return "the workbook holds more than " + MAX_ENTRIES + " parts: not a decision table";
                }
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        return "the workbook unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                                + " MB: refused as a possible zip bomb";
                    }
                }
            }
        }
        catch (IOException e) {
            return "not a readable .xlsx workbook: " + e.getMessage();
        }
        return entries == 0 ? "not an .xlsx workbook (no parts)" : null;
    }

}
