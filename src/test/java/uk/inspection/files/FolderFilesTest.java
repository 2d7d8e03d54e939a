package uk.inspection.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.inspection.support.ApiClient;
import uk.inspection.support.ApiClient.Reply;
import uk.inspection.support.RulesHomeCopy;
import uk.inspection.support.RunningService;

/**
 * In the development mode the files are the folder's, as they are on disk: the only
 * version there is.
 */
class FolderFilesTest {

    private static final String FILES = "/api/v1/frameworks/yj-2024/files";

    private static final String BANDINGS = "decision-tables/yj-2024/bandings.drl.xlsx";

    @Test
    void theFoldersFilesAreServedAsTheyAreOnDisk(@TempDir Path folder) throws Exception {
        RulesHomeCopy home = RulesHomeCopy.of(folder, "yj-2024");
        try (RunningService service = RunningService.on(home.home(), "--access.methodology.username=meth",
                "--access.methodology.password={noop}m")) {
            ApiClient api = service.api();
            String[] meth = { "Authorization", ApiClient.basic("meth", "m") };

            Reply table = api.get(FILES + "/" + BANDINGS, meth);
            String version = table.header("Ruleset-Version");

            assertThat(table.status()).as(table.toString()).isEqualTo(200);
            assertThat(table.raw()).isEqualTo(Files.readAllBytes(home.file(BANDINGS)));
            assertThat(version).isEqualTo(api.get("/api/v1/frameworks/yj-2024").body().at("/rulesetVersion").asText());
            assertThat(api.get(FILES + "/" + BANDINGS, "Ruleset-Version", version.substring(0, 19), meth[0], meth[1])
                .raw()).isEqualTo(table.raw());
            assertThat(api.get(FILES, meth).body().at("/files").size())
                .isEqualTo(home.home().resolve("rules/yj-2024").toFile().list().length
                        + home.home().resolve("decision-tables/yj-2024").toFile().list().length);
            Reply other = api.get(FILES + "/" + BANDINGS, "Ruleset-Version", "sha256:" + "0".repeat(64), meth[0],
                    meth[1]);
            assertThat(other.status()).isEqualTo(410);
            assertThat(api.get(FILES + "/" + BANDINGS).status()).isEqualTo(401);
        }
    }

}
