package dev.upshift.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

class AddedColumnsTest {

    private final SingleConnectionDataSource dataSource =
            new SingleConnectionDataSource("jdbc:h2:mem:added-columns-" + UUID.randomUUID(), "sa", "", true);
    private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

    @AfterEach
    void close() {
        dataSource.destroy();
    }

    @Test
    void givenAStoreFromBeforeTheCurrentServerWasTrackedWhenStartedThenUpgradeStatusGainsItsColumnsAndKeepsItsRows()
            throws Exception {
        jdbc.execute("CREATE TABLE upgrade_status (upgrade_id VARCHAR(64) NOT NULL PRIMARY KEY, baseline VARCHAR)");
        jdbc.update("INSERT INTO upgrade_status (upgrade_id) VALUES ('to17')");
        new ResourceDatabasePopulator(new ClassPathResource("db/projections.sql")).execute(dataSource);

        AddedColumns.addMissing(dataSource);
        AddedColumns.addMissing(dataSource);

        assertThat(jdbc.queryForList("SELECT upgrade_id, current_image, current_version, runner, engine FROM upgrade_status"))
                .singleElement().satisfies(row -> assertThat(row.get("UPGRADE_ID")).isEqualTo("to17"));
    }
}
