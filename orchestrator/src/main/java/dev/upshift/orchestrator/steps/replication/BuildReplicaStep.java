package dev.upshift.orchestrator.steps.replication;

import java.nio.file.Path;
import java.util.List;

import dev.upshift.orchestrator.api.Step;
import dev.upshift.orchestrator.api.StepKind;
import dev.upshift.orchestrator.api.UpgradePlan;
import dev.upshift.orchestrator.api.events.ReplicaBuilt;
import dev.upshift.orchestrator.api.events.StepOutcome;
import dev.upshift.orchestrator.ports.CommandResult;
import dev.upshift.orchestrator.ports.ContainerEngine;
import dev.upshift.orchestrator.ports.ContainerInfo;
import dev.upshift.orchestrator.ports.DatabaseAdministrator;
import dev.upshift.orchestrator.ports.DatabaseEndpoint;
import dev.upshift.orchestrator.ports.LogicalReplication;
import dev.upshift.orchestrator.steps.PgToolOutput;
import dev.upshift.orchestrator.steps.Progress;
import dev.upshift.orchestrator.steps.StackAccess;
import dev.upshift.orchestrator.steps.StepExecutor;
import dev.upshift.orchestrator.steps.UpgradeHistory;
import dev.upshift.orchestrator.steps.prepare.UpdateComposeFileStep;
import dev.upshift.orchestrator.steps.prepare.UpdateComposeFileStep.NewServerPlace;
import org.springframework.stereotype.Component;

/**
 * 2.3 (logical), while the stack serves: the new server starts beside the old one ({@link Replica}) on the new
 * volume, gets the old server's roles and schema from the new version's own pg_dumpall and pg_dump, and subscribes to
 * a publication of every table, which copies the rows and then follows each change. A redone step trusts nothing a
 * previous attempt left: it tears it down ({@link ReplicaTeardown}) and builds again on an emptied database.
 */
@Component
public class BuildReplicaStep implements StepExecutor {

    // the old server is reached by the service's name on the stack's network; the password is in the environment
    private static final String ROLES = "pg_dumpall -h \"$1\" -U \"$2\" --roles-only | psql -q -U \"$2\" -d postgres";
    private static final String SCHEMA = "pg_dump -h \"$1\" -U \"$2\" -d \"$3\" --schema-only"
            + " | psql -q -v ON_ERROR_STOP=1 -U \"$2\" -d \"$3\"";

    private final StackAccess stack;
    private final Replica replica;
    private final ReplicaTeardown teardown;
    private final LogicalReplication replication;
    private final DatabaseAdministrator administrator;
    private final UpdateComposeFileStep composeFileUpdate;

    public BuildReplicaStep(StackAccess stack, Replica replica, ReplicaTeardown teardown, LogicalReplication replication,
                            DatabaseAdministrator administrator, UpdateComposeFileStep composeFileUpdate) {
        this.stack = stack;
        this.replica = replica;
        this.teardown = teardown;
        this.replication = replication;
        this.administrator = administrator;
        this.composeFileUpdate = composeFileUpdate;
    }

    @Override
    public StepKind kind() {
        return StepKind.BUILD_REPLICA;
    }

    @Override
    public StepOutcome execute(Step step, UpgradeHistory history, Progress progress) {
        UpgradePlan plan = history.plan();
        String name = Replica.replicationName(history.upgradeId());
        teardown.tearDown(plan, history.upgradeId());
        // the compose file is untouched until the switch (3.3): its volume and mount are the new server's to be
        NewServerPlace place = composeFileUpdate.place(plan, history, Path.of(plan.composeFile()));
        String volume = plan.project() + "_" + place.volumeKey();
        stack.createProjectVolume(plan, volume, history.upgradeId());
        ContainerEngine engine = stack.engine(plan);
        String containerId = replica.create(plan, history, volume, place);
        engine.start(containerId);
        stack.requireAcceptingConnections(plan, containerId, "the replica");
        ContainerInfo started = engine.state(containerId);
        DatabaseEndpoint database = stack.database(plan, started);
        // a volume a crashed attempt filled may hold its subscription, which would keep the database from being dropped
        replication.dropSubscription(database, name);
        administrator.emptyDatabase(stack.maintenance(plan, started), plan.database(), plan.superuser());
        run(engine, containerId, ROLES, plan, "the roles' copy");
        run(engine, containerId, SCHEMA, plan, "the schema's copy");
        DatabaseEndpoint old = stack.database(plan);
        replication.publishAllTables(old, name);
        replication.subscribe(database, name, "host=" + plan.service() + " port=5432 dbname=" + plan.database()
                + " user=" + plan.superuser() + " application_name=" + name, name);
        int tables = replication.syncState(database, old, name).tables();
        List<String> sequences = replication.sequences(old).stream().map(LogicalReplication.SequenceValue::name).toList();
        return new ReplicaBuilt(history.upgradeId(), step, started.name(), volume, name, name, tables, sequences);
    }

    private static void run(ContainerEngine engine, String containerId, String script, UpgradePlan plan, String what) {
        CommandResult result = engine.exec(containerId, List.of("bash", "-o", "pipefail", "-c", script, "upshift",
                plan.service(), plan.superuser(), plan.database()));
        if (!result.succeeded()) {
            throw PgToolOutput.failure(what, result);
        }
    }
}
