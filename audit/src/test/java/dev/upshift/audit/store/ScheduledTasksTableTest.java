package dev.upshift.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** db-scheduler works on the table the store creates for it: a task scheduled by one scheduler is run by another. */
class ScheduledTasksTableTest {

    private final DriverManagerDataSource store = new DriverManagerDataSource(
            "jdbc:h2:mem:scheduled-tasks-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    private final CountDownLatch ran = new CountDownLatch(1);
    private final OneTimeTask<Void> task = Tasks.oneTime("window-opens").execute((instance, context) -> ran.countDown());
    private Scheduler executing;

    @AfterEach
    void stop() {
        if (executing != null) {
            executing.stop();
        }
        new JdbcTemplate(store).execute("SHUTDOWN");
    }

    @Test
    void aDeadlineScheduledByAProcessThatNeverExecutesIsRunByANodeOnceDueAndThenRemoved() throws Exception {
        createTwice();
        Scheduler scheduling = Scheduler.create(store, task).build();
        scheduling.schedule(task.instance("upgrade-1"), Instant.now().plusMillis(500));
        assertThat(rows()).isEqualTo(1);

        executing = Scheduler.create(store, task).pollingInterval(Duration.ofMillis(200)).build();
        executing.start();

        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        executing.stop();
        executing = null;
        assertThat(rows()).isZero();
    }

    /** The store creates its tables on every start. */
    private void createTwice() {
        ResourceDatabasePopulator tables = new ResourceDatabasePopulator(new ClassPathResource("db/scheduled-tasks.sql"));
        tables.execute(store);
        tables.execute(store);
    }

    private int rows() {
        return new JdbcTemplate(store).queryForObject("SELECT COUNT(*) FROM scheduled_tasks", Integer.class);
    }
}
