package uk.inspection.records;

import java.io.IOException;
import java.time.Clock;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.inspection.ruleset.DataFolder;

/**
 * Decision recording: the journal, the importer that takes it to the database (migrating
 * the schema with Flyway on its first success, so the service starts and answers even
 * while the database is down), and the recorder the API calls.
 */
@Configuration
class RecordsConfiguration {

    @Bean(destroyMethod = "close")
    DecisionJournal decisionJournal(RecordsProperties records, DataFolder data) throws IOException {
        return new DecisionJournal(records.journalFolder(data));
    }

    @Bean
    DecisionStore decisionStore(DataSource dataSource) {
        return new DecisionStore(new JdbcTemplate(dataSource), Flyway.configure().dataSource(dataSource).load());
    }

    @Bean
    DecisionImporter decisionImporter(DecisionJournal journal, DecisionStore decisions, RecordsProperties records) {
        return new DecisionImporter(journal, decisions, records);
    }

    @Bean
    DecisionRecorder decisionRecorder(RecordsProperties records, DecisionJournal journal, JournalBacklog backlog,
            ObjectMapper json, Clock clock) {
        return records.enabled() ? new DecisionRecorder(journal, backlog, json, clock) : DecisionRecorder.off();
    }

}
