package dev.upshift.orchestrator.api;

import java.nio.file.Path;

/**
 * Where a PostgreSQL server keeps its cluster: the mount point of its data volume in the container, and PGDATA at or
 * below it. An image declares one with its VOLUME and PGDATA: {@code /var/lib/postgresql/data} for both before 18;
 * from 18 on one mount at {@code /var/lib/postgresql} and the cluster in {@code /var/lib/postgresql/18/docker}.
 */
public record DataLayout(String mountTarget, String dataDirectory) {

    /**
     * The new server's layout on an image that declares {@code image} (null: it declares none). The image's own
     * when this mount lies inside the image's volume without being it — the pre-18 mount under 18's
     * {@code /var/lib/postgresql}, which the image's anonymous volume would cover and its entrypoint refuses;
     * this one otherwise: the image keeps its data where this server did, or the operator mounted the volume
     * elsewhere with a PGDATA of their own, which any image honours.
     */
    public DataLayout on(DataLayout image) {
        if (image == null || mountTarget.equals(image.mountTarget())
                || !Path.of(mountTarget).startsWith(Path.of(image.mountTarget()))) {
            return this;
        }
        return image;
    }

    /**
     * Where pg_upgrade's link puts the new cluster, on the old cluster's mount: this layout, unless its cluster
     * lies where the old one does (a target that keeps its data where the old server did); then a directory of the
     * new major below the mount, as 18's image has it ("17/docker").
     */
    public DataLayout besideOf(DataLayout old, String newMajor) {
        if (!dataDirectoryInVolume().equals(old.dataDirectoryInVolume())) {
            return this;
        }
        return new DataLayout(mountTarget, Path.of(mountTarget, newMajor, "docker").toString());
    }

    /** True when the volume is mounted elsewhere in the other layout. */
    public boolean movesMountFrom(DataLayout previous) {
        return previous != null && !mountTarget.equals(previous.mountTarget());
    }

    /**
     * PGDATA relative to the mount, as a suffix of the mount point: "" when the cluster is the volume's root,
     * "/18/docker" below it; null when PGDATA does not lie inside the mount.
     */
    public String dataDirectoryInVolume() {
        Path inVolume = Path.of(mountTarget).relativize(Path.of(dataDirectory));
        if (inVolume.startsWith("..")) {
            return null;
        }
        return inVolume.toString().isEmpty() ? "" : "/" + inVolume;
    }
}
