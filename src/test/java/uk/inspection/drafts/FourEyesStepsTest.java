package uk.inspection.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.inspection.people.Person;
import uk.inspection.store.StoreCommit;

/**
 * Who took a draft's steps: by the identity each step records; a step recorded before
 * identities were, by its author's name, however the person signs in now.
 */
class FourEyesStepsTest {

    private static final StoreCommit BY_TOKEN = step("amended", "Erin.Smith", "oidc:u-1");

    private static final StoreCommit BEFORE_IDENTITIES = step("created", "Sam.Jones", null);

    @Test
    void aStepIsItsRecordedIdentitys() {
        List<StoreCommit> steps = List.of(BY_TOKEN);

        assertThat(FourEyes.changedBy(steps, new Person("erin.smith", "oidc:u-1"))).contains("amended");
        assertThat(FourEyes.changedBy(steps, new Person("Erin.Smith", "oidc:u-2"))).isEmpty();
        assertThat(FourEyes.changedBy(steps, Person.named("Erin.Smith"))).isEmpty();
    }

    @Test
    void aStepRecordedBeforeIdentitiesIsItsAuthorsName() {
        List<StoreCommit> steps = List.of(BEFORE_IDENTITIES);

        assertThat(FourEyes.changedBy(steps, Person.named("sam.jones"))).contains("created");
        assertThat(FourEyes.changedBy(steps, new Person("SAM.JONES", "oidc:u-3"))).contains("created");
        assertThat(FourEyes.changedBy(steps, Person.named("alex"))).isEmpty();
    }

    private static StoreCommit step(String step, String author, String id) {
        Map<String, List<String>> trailers = id == null ? Map.of("Step", List.of(step))
                : Map.of("Step", List.of(step), FourEyes.AUTHOR_ID, List.of(id));
        return new StoreCommit("c-" + step, Instant.EPOCH, author, step, trailers);
    }

}
