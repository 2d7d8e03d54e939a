package uk.inspection.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import uk.inspection.problem.Decision;

/**
 * The approval form's date and time read as UK time, what it refuses before the approval
 * sees it, and the countdown's words.
 */
class TakesEffectFromTest {

    private final ConsoleFormat format = new ConsoleFormat();

    @Test
    void aDateAndTimeAreUkTimeInWinterAndInSummer() {
        assertThat(instant("1", "12", "2026", "09:30")).isEqualTo(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(instant("1", "4", "2026", "9.30")).isEqualTo(Instant.parse("2026-04-01T08:30:00Z"));
        assertThat(format.local(Instant.parse("2026-04-01T08:30:00Z"))).isEqualTo("1 April 2026, 09:30 BST");
    }

    @Test
    void aDateWithoutATimeIsTheStartOfThatDayAndNothingTypedIsNow() {
        assertThat(instant("01", "04", "2026", "")).isEqualTo(Instant.parse("2026-03-31T23:00:00Z"));
        assertThat(new TakesEffectFrom(new DateInput("", " ", null), "").instant()).isEqualTo(Decision.decided(null));
    }

    @Test
    void whatIsNotADateAndTimeIsRefusedOnTheField() {
        assertThat(refusal("31", "2", "2026", "")).contains("a real date");
        assertThat(refusal("1", "", "2026", "")).contains("a day, a month and a year");
        assertThat(refusal("", "", "", "09:00")).contains("Enter the date");
        assertThat(refusal("1", "4", "2026", "24:00")).contains("24-hour clock");
        assertThat(refusal("1", "4", "2026", "9am")).contains("24-hour clock");
    }

    @Test
    void theCountdownSaysTheTwoLargestUnitsToTheMinute() {
        Instant now = Instant.parse("2026-04-01T08:00:30Z");
        assertThat(format.countdown(now.plus(Duration.ofDays(2).plusHours(3).plusSeconds(40)), now))
            .isEqualTo("2 days 3 hours");
        assertThat(format.countdown(now.plus(Duration.ofDays(1).plusMinutes(5)), now)).isEqualTo("1 day");
        assertThat(format.countdown(now.plus(Duration.ofHours(5).plusMinutes(1)), now)).isEqualTo("5 hours 1 minute");
        assertThat(format.countdown(now.plusSeconds(59), now)).isEqualTo("less than a minute");
    }

    @Test
    void theServicesInstantsAreWrittenInUkTimeForPeople() {
        assertThat(format.forPeople("no version of yj-2024 was in force at 2001-01-01T00:00:00Z"))
            .isEqualTo("No version of yj-2024 was in force at 1 January 2001, 00:00 GMT");
    }

    private static Instant instant(String day, String month, String year, String time) {
        return new TakesEffectFrom(new DateInput(day, month, year), time).instant().orElseThrow();
    }

    private static String refusal(String day, String month, String year, String time) {
        Decision<Instant> read = new TakesEffectFrom(new DateInput(day, month, year), time).instant();
        assertThat(read).isInstanceOf(Decision.Refused.class);
        assertThat(((Decision.Refused<Instant>) read).failure().errors().get(0).field()).isEqualTo("effectiveFrom");
        return ((Decision.Refused<Instant>) read).failure().errors().get(0).message();
    }

}
