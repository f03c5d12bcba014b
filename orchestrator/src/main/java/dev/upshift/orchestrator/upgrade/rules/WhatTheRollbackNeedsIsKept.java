package dev.upshift.orchestrator.upgrade.rules;

import java.util.List;

import dev.upshift.orchestrator.api.Retained;
import dev.upshift.orchestrator.api.Retention;

/**
 * A rollback after retention removed part of the old: the quick one needs the old volume and the old image, the full
 * one the old image and the backups. Refused before anything stops, rather than failing with the stack down.
 */
public record WhatTheRollbackNeedsIsKept(String upgradeId, String mode, Retention retention) implements DomainRule {

    @Override
    public boolean isViolated() {
        return !gone().isEmpty();
    }

    private List<String> gone() {
        List<String> needed = "full".equals(mode) ? List.of(Retained.IMAGE, Retained.BACKUP)
                : List.of(Retained.IMAGE, Retained.VOLUME);
        return retention.scheduled().stream()
                .filter(item -> needed.contains(item.kind()) && retention.wasRemoved(item))
                .map(Retained::toString).toList();
    }

    @Override
    public String message() {
        return "the " + mode + " rollback of upgrade " + upgradeId + " needs what retention has removed ("
                + String.join(", ", gone()) + "); `upshift audit --id " + upgradeId + "` shows when";
    }
}
