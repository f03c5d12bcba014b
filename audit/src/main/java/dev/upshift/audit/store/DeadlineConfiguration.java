package dev.upshift.audit.store;

import java.time.Duration;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import dev.upshift.audit.store.StoreConfiguration.StoreSchema;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines that outlive every process: Axon's {@link DbSchedulerDeadlineManager} keeps each one as a row of
 * db-scheduler's {@code scheduled_tasks} in the store, so a maintenance window's opening or a retention's removal
 * happens on time even if every process was restarted in between. Any process schedules; only a node
 * ({@code upshift serve}) starts the scheduler that executes them, on whichever node polls first.
 */
@Configuration
public class DeadlineConfiguration {

    /** How often a node looks for a deadline that is due: the latest a window's downtime starts after it opens. */
    static final Duration POLLING = Duration.ofSeconds(1);

    @Bean
    public Scheduler deadlineScheduler(DataSource dataSource, StoreSchema tablesCreated,
                                       ObjectProvider<DbSchedulerDeadlineManager> deadlines) {
        return Scheduler.create(dataSource, DbSchedulerDeadlineManager.binaryTask(deadlines::getObject))
                .pollingInterval(POLLING)
                .threads(2)
                // a deadline's handler only records events: a node that stops need not wait long for one
                .shutdownMaxWait(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    public DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler, Serializer serializer,
                                                      org.axonframework.config.Configuration axon,
                                                      TransactionManager transactions) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}
