package uk.inspection.store;

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

    @Test
    void aFileGivenByItsNameAloneIsTheFrameworksFileOfThatName() {
        var read = Uploads.read("yj-2024",
                java.util.List.of(new Uploads.Part("files", "victims.drl", "package yj2024;".getBytes())),
                java.util.List.of("rules/yj-2024/victims.drl", "decision-tables/yj-2024/bandings.drl.xlsx"),
                uk.inspection.engine.BuildLimits.DEFAULTS);

        assertThat(read.orElseThrow()).containsOnlyKeys("rules/yj-2024/victims.drl");
    }

}
