package dev.upshift.orchestrator.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.upshift.orchestrator.api.events.BackupCreated;
import dev.upshift.orchestrator.api.events.BackupsRemoved;
import dev.upshift.orchestrator.api.events.CleanupCompleted;
import dev.upshift.orchestrator.api.events.CleanupRequested;
import dev.upshift.orchestrator.api.events.FinalDumpTaken;
import dev.upshift.orchestrator.api.events.OldContainerKept;
import dev.upshift.orchestrator.api.events.OldContainerRemoved;
import dev.upshift.orchestrator.api.events.OldImageRemoved;
import dev.upshift.orchestrator.api.events.OldVolumeRemoved;
import dev.upshift.orchestrator.api.events.RetentionCancelled;
import dev.upshift.orchestrator.api.events.RetentionRemovalFailed;
import dev.upshift.orchestrator.api.events.RetentionScheduled;
import dev.upshift.orchestrator.api.events.UpgradePlanned;
import dev.upshift.orchestrator.api.events.VolumeSnapshotted;

/**
 * What an upgrade keeps after it completed, until when, and what was removed — folded from its own events, so that
 * the aggregate (which decides), {@code status} and {@code cleanup} tell the same story. Only what these events
 * recorded as the upgrade's own is ever an item: the container 3.4 kept, the image that container ran, the volumes
 * of 3.3, the files of 1.x and 3.1.
 */
public final class Retention {

    private UpgradePlan plan;
    private OldContainerKept keptContainer;
    private final List<String> volumes = new ArrayList<>();
    private final Set<String> backups = new LinkedHashSet<>();

    private final List<Retained> scheduled = new ArrayList<>();
    private final List<String> keptForGood = new ArrayList<>();
    private final Set<String> removed = new HashSet<>();
    private final Set<Step> done = new HashSet<>();
    private final List<String> left = new ArrayList<>();
    private final Map<Step, RetentionRemovalFailed> failures = new HashMap<>();
    private final Map<Step, Integer> attempts = new HashMap<>();
    private boolean requested;
    private RetentionCancelled cancelled;

    /** Folds one event of the upgrade, in order. */
    public Retention apply(Object event) {
        if (event instanceof UpgradePlanned planned) {
            plan = planned.plan();
        } else if (event instanceof OldContainerKept kept) {
            keptContainer = kept;
        } else if (event instanceof VolumeSnapshotted snapshot) {
            volumes.clear();
            volumes.add(snapshot.oldVolume());
            if (snapshot.copy() != null) {
                volumes.add(snapshot.copy());
            }
        } else if (event instanceof BackupCreated created) {
            backups.add(created.file().path());
        } else if (event instanceof FinalDumpTaken dump) {
            backups.add(dump.file().path());
            backups.add(dump.roles().path());
        } else {
            applyRetention(event);
        }
        return this;
    }

    private void applyRetention(Object event) {
        if (event instanceof RetentionScheduled retention) {
            scheduled.addAll(retention.items());
            keptForGood.addAll(retention.keptForGood());
        } else if (event instanceof OldContainerRemoved removal) {
            removed.add(key(Retained.CONTAINER, removal.name()));
        } else if (event instanceof OldImageRemoved removal) {
            removed.add(key(Retained.IMAGE, removal.reference()));
        } else if (event instanceof OldVolumeRemoved removal) {
            removed.add(key(Retained.VOLUME, removal.volume()));
        } else if (event instanceof BackupsRemoved removal) {
            removal.files().forEach(file -> removed.add(key(Retained.BACKUP, file)));
        } else if (event instanceof CleanupCompleted completed && completed.step().phase() == Phase.CLEANUP) {
            done.add(completed.step());
            left.addAll(completed.left());
            failures.remove(completed.step());
        } else if (event instanceof RetentionRemovalFailed failed) {
            failures.put(failed.step(), failed);
            attempts.merge(failed.step(), 1, Integer::sum);
        } else if (event instanceof CleanupRequested) {
            requested = true;
            failures.clear();
        } else if (event instanceof RetentionCancelled cancel) {
            cancelled = cancel;
        }
    }

    /**
     * On completion at {@code now}: the old image for the plan's image time, with the container 3.4 kept if 5.4
     * could not remove it (a container holds its image, so it goes first); the old volume, 3.3's copy and the backups
     * for its data time. pg_upgrade's link put the new cluster into the old volume: that volume stays.
     */
    public RetentionScheduled schedule(String upgradeId, List<Step> cleanup, Instant now) {
        Step server = cleanup.get(0);
        Step data = cleanup.get(1);
        Instant serverUntil = now.plus(plan.keepOldImage());
        Instant dataUntil = now.plus(plan.keepOldData());
        List<Retained> items = new ArrayList<>();
        List<String> forGood = new ArrayList<>();
        if (keptContainer != null && !removed.contains(key(Retained.CONTAINER, keptContainer.keptAs()))) {
            items.add(new Retained(Retained.CONTAINER, keptContainer.keptAs(), server, serverUntil));
        }
        items.add(new Retained(Retained.IMAGE, plan.sourceImage(), server, serverUntil));
        for (String volume : volumes) {
            if (plan.upgradesInPlace() && volume.equals(plan.volume())) {
                forGood.add("volume " + volume + ": it holds the new cluster too (pg_upgrade --transfer link)");
            } else {
                items.add(new Retained(Retained.VOLUME, volume, data, dataUntil));
            }
        }
        backups.forEach(file -> items.add(new Retained(Retained.BACKUP, file, data, dataUntil)));
        return new RetentionScheduled(upgradeId, items, forGood);
    }

    /** The container 3.4 kept (null when it removed it, as before retention): its name, id and image. */
    public OldContainerKept keptContainer() {
        return keptContainer;
    }

    public boolean cancelled() {
        return cancelled != null;
    }

    /** What is still kept and will be removed: nothing once cancelled. */
    public List<Retained> pending() {
        return cancelled() ? List.of() : scheduled.stream().filter(item -> !done.contains(item.step())).toList();
    }

    /** What is kept that the given step is to remove, and was not removed yet. */
    public List<Retained> toRemove(Step step) {
        return pending().stream().filter(item -> item.step().equals(step) && !wasRemoved(item)).toList();
    }

    public boolean wasRemoved(Retained item) {
        return removed.contains(key(item.kind(), item.name()));
    }

    /** Every item scheduled, removed or not. */
    public List<Retained> scheduled() {
        return List.copyOf(scheduled);
    }

    public List<String> keptForGood() {
        return List.copyOf(keptForGood);
    }

    /** What the steps found not theirs to remove, with the reason. */
    public List<String> left() {
        return List.copyOf(left);
    }

    public Optional<RetentionRemovalFailed> failure(Step step) {
        return Optional.ofNullable(failures.get(step));
    }

    public int attempts(Step step) {
        return attempts.getOrDefault(step, 0);
    }

    public List<Step> pendingSteps() {
        return pending().stream().map(Retained::step).distinct().sorted(Comparator.comparingInt(Step::position)).toList();
    }

    /**
     * When the step is due: at a failure's retry (never, after the last attempt); at once after {@code cleanup --now};
     * else when its items' time has come.
     */
    public Optional<Instant> dueAt(Step step) {
        if (failures.containsKey(step)) {
            return Optional.ofNullable(failures.get(step).retryAt());
        }
        if (requested) {
            return Optional.of(Instant.MIN);
        }
        return pending().stream().filter(item -> item.step().equals(step)).map(Retained::until).min(Instant::compareTo);
    }

    /** The first pending step due by now, if any. */
    public Optional<Step> dueBy(Instant now) {
        return pendingSteps().stream()
                .filter(step -> dueAt(step).map(at -> !at.isAfter(now)).orElse(false))
                .findFirst();
    }

    public RetentionCancelled cancellation() {
        return cancelled;
    }

    private static String key(String kind, String name) {
        return kind + " " + name;
    }
}
