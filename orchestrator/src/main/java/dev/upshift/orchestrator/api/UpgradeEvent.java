package dev.upshift.orchestrator.api;

/** Every event of an upgrade names the upgrade it belongs to. */
public interface UpgradeEvent {

    String upgradeId();
}
