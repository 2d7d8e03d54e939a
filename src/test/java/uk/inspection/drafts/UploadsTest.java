package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which paths an upload for a draft may write. */
class UploadsTest {

    @ParameterizedTest
    @CsvSource({ "decision-tables/yj-2024/bandings.drl.xlsx", "decision-tables/yj-2024/new.drl.csv",
            "rules/yj-2024/framework.yaml", "rules/yj-2024/victims.drl", "fixtures/yj-2024/edge.json",
            "decision-tables/yj-2024/from-yj-2018.translation.xlsx" })
    void aRuleFileInTheFrameworksOwnFoldersIsAccepted(String path) {
        assertThat(Uploads.whyRefused("yj-2024", path)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "../../pom.xml|'..'", "decision-tables/yj-2024/../../x.drl|'..'", "/etc/passwd|absolute",
                    "C:/rules/x.drl|absolute", "decision-tables/yj-2018/bandings.drl.xlsx|outside",
                    "src/main/java/X.java|outside", "decision-tables/yj-2024/bandings.xlsx|Drools skips",
                    "rules/yj-2024/run.sh|only framework.yaml", "rules/yj-2024/.hidden.drl|hidden",
                    "decision-tables/yj-2024/~$bandings.drl.xlsx|lock", "rules\\yj-2024\\x.drl|plain characters",
                    "rules//yj-2024/x.drl|empty parts" })
    void anythingElseIsRefusedWithTheReason(String path, String reason) {
        assertThat(Uploads.whyRefused("yj-2024", path)).contains(reason);
    }

    /**
     * Each a name that looks like {@code rules/yj-2024/triggers.drl} (or a plain one) but
     * is another file.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "rules/yj-2024/triggers\u200B.drl|U+200B", "rules/yj-2024/triggers\u202E.lrd|U+202E",
                    "rules/yj-2024/trig\u00ADgers.drl|U+00AD", "rules/yj-2024/triggers\u2066.drl|U+2066",
                    "rules/yj-2024/triggers.drl\uFEFF|U+FEFF", "rules/yj-2024/trig gers.drl|U+0020",
                    "rules/yj-2024/triggers\u00A0.drl|U+00A0", "rules/yj-2024/triggers\u3000.drl|U+3000",
                    "rules/yj-2024/triggers\u0009.drl|U+0009", "rules/yj-2024/triggers\uE000.drl|U+E000",
                    "rules/yj-2024/triggers\u0378.drl|U+0378", "rules/yj-2024/trigge\u0301rs.drl|normalisation",
                    "rules/yj-2024/caf\u0065\u0301.drl|normalisation",
                    "rules/yj-2024/\uFF54riggers.drl|normalisation" })
    void aPathWithAnInvisibleFormattingOrLookalikeCharacterIsRefusedNamingIt(String escaped, String named) {
        String path = unescape(escaped);

        assertThat(Uploads.whyRefused("yj-2024", path)).contains(named);
    }

    @Test
    void aPathOfVisibleUnicodeLettersIsAccepted() {
        assertThat(Uploads.whyRefused("yj-2024", "rules/yj-2024/caf\u00E9-r\u00E8gles.drl")).isNull();
    }

    private static String unescape(String text) {
        java.util.regex.Matcher escape = java.util.regex.Pattern.compile("\\\\u([0-9A-Fa-f]{4})").matcher(text);
        return escape.replaceAll(m -> Character.toString(Integer.parseInt(m.group(1), 16)));
    }

    @Test
    void aFileGivenByItsNameAloneIsTheFrameworksFileOfThatName() {
        var read = Uploads.read("yj-2024",
                java.util.List.of(new Uploads.Part("files", "victims.drl", "package yj2024;".getBytes())),
                java.util.List.of("rules/yj-2024/victims.drl", "decision-tables/yj-2024/bandings.drl.xlsx"),
                uk.inspection.engine.BuildLimits.DEFAULTS);

        assertThat(read.orElseThrow()).containsOnlyKeys("rules/yj-2024/victims.drl");
    }

    /**
     * The console and the API place a new file alike: by its kind, in the framework's
     * folder for it.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "edge.json|fixtures/yj-2024/edge.json", "extra.drl|rules/yj-2024/extra.drl",
                    "framework.yaml|rules/yj-2024/framework.yaml", "new.drl.xlsx|decision-tables/yj-2024/new.drl.xlsx",
                    "victims.drl|rules/yj-2024/victims.drl", "victims@496d27796e10.drl|rules/yj-2024/victims.drl",
                    "victims@496D27796E10.drl|rules/yj-2024/victims.drl",
                    "new@496d27796e10.drl.xlsx|decision-tables/yj-2024/new.drl.xlsx", "notes.txt|notes.txt",
                    "rules/yj-2024/x.drl|rules/yj-2024/x.drl" })
    void aNewFileGivenByItsNameAloneGoesInTheFolderOfItsKind(String name, String placed) {
        assertThat(Uploads.place("yj-2024", name, java.util.List.of("rules/yj-2024/victims.drl"))).isEqualTo(placed);
    }

}
