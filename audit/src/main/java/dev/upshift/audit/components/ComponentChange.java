package dev.upshift.audit.components;

/** A component's new status, as one observed fact implies it. */
record ComponentChange(String component, String status, String experience) {
}
