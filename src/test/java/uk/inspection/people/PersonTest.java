package uk.inspection.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A configured user is compared by name after Unicode normalisation and case folding:
 * ways of writing one name are one person, and two names stay two people.
 */
class PersonTest {

    @Test
    void waysOfWritingOneNameAreOnePerson() {
        String erin = Person.named("erin.smith").id();

        assertThat(Person.named("Erin.Smith").id()).isEqualTo(erin);
        assertThat(Person.named("ERIN.SMITH ").id()).isEqualTo(erin);
        assertThat(Person.named("ｅｒｉｎ．ｓｍｉｔｈ").id()).isEqualTo(erin);
        assertThat(Person.named("Strauß").id()).isEqualTo(Person.named("STRAUSS").id());
        assertThat(Person.named("Ｅrin.Smith").name()).isEqualTo("Ｅrin.Smith");
    }

    @Test
    void twoNamesAreTwoPeople() {
        assertThat(Person.named("erin.smith").id()).isNotEqualTo(Person.named("erin.smyth").id());
        assertThat(Person.named("erin").id()).isNotEqualTo(Person.named("erin2").id());
    }

}
