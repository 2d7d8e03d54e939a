package uk.inspection.ratings.facts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The date arithmetic the timeline table's rows are made of; the dates and holidays here
 * are inline, not the table's.
 */
class TimelineStepTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2025, 3, 12);

    @Test
    void calendarDaysAndWeeksAreAddedFirst() {
        assertThat(TimelineStep.named("x").plusDays(7).dateFrom(WEDNESDAY, List.of()))
            .isEqualTo(LocalDate.of(2025, 3, 19));
        assertThat(TimelineStep.named("x").plusWeeks(10).dateFrom(WEDNESDAY, List.of()))
            .isEqualTo(LocalDate.of(2025, 5, 21));
    }

    @Test
    void theFirstGivenWeekdayOnOrAfterIsThatDayItselfWhenItFalls() {
        assertThat(TimelineStep.named("x").firstOnOrAfter("WEDNESDAY").dateFrom(WEDNESDAY, List.of()))
            .isEqualTo(WEDNESDAY);
        assertThat(TimelineStep.named("x").firstOnOrAfter("MONDAY").dateFrom(WEDNESDAY, List.of()))
            .isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void workingDaysSkipWeekendsAndBankHolidays() {
        List<BankHoliday> goodFriday = List.of(BankHoliday.of("2025-04-18", "Good Friday", "ENGLAND, WALES"));
        LocalDate thursday = LocalDate.of(2025, 4, 17);

        assertThat(TimelineStep.named("x").plusWorkingDays(1).dateFrom(thursday, List.of()))
            .isEqualTo(LocalDate.of(2025, 4, 18));
        assertThat(TimelineStep.named("x").plusWorkingDays(1).dateFrom(thursday, goodFriday))
            .isEqualTo(LocalDate.of(2025, 4, 21));
    }

    @Test
    void aDateOnANonWorkingDayMovesToTheNextWorkingDayOnlyWhenAsked() {
        LocalDate saturday = LocalDate.of(2025, 3, 15);
        assertThat(TimelineStep.named("x").dateFrom(saturday, List.of())).isEqualTo(saturday);
        assertThat(TimelineStep.named("x").movedToNextWorkingDay(true).dateFrom(saturday, List.of()))
            .isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void aRowForOneInspectionTypeOrNationAppliesOnlyThere() {
        TimelineStep wales = TimelineStep.named("publication").forInspectionType("IYJWCV").inNation("WALES");
        assertThat(wales.appliesTo("IYJWCV", "WALES")).isTrue();
        assertThat(wales.appliesTo("IYJWCV", "ENGLAND")).isFalse();
        assertThat(wales.appliesTo("IYJS", "WALES")).isFalse();
        assertThat(TimelineStep.named("draftReport").appliesTo("IYJS", "ENGLAND")).isTrue();
    }

}
