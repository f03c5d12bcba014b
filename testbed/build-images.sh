#!/usr/bin/env bash
# Builds the test bed's images from Debian packages, without Docker Hub: mmdebstrap streams a
# minimal root into `docker import`, then a metadata-only `docker build` adds what import cannot
# (STOPSIGNAL, HEALTHCHECK, VOLUME). No extra filesystem layer: vfs would copy the whole root again.
# Usage: build-images.sh [IMAGE...]   (IMAGE: postgres:15 postgres:17 postgres:18 postgres-upgrade:15-to-17
#                                      postgres-upgrade:15-to-18 app:1, or postgres-upgrade:17-to-18 by name)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
REPO=upshift-testbed
ALL=(postgres:15 postgres:17 postgres:18 postgres-upgrade:15-to-17 postgres-upgrade:15-to-18 app:1)
# Builds, but its pg_upgrade fails on every cluster trixie's 17.12 made (a column option forky's 18.6 does
# not know: docs/decisions.md); built by name only, to check again when forky's postgresql-18 moves on.
BY_NAME=(postgres-upgrade:17-to-18)
export DOCKER_BUILDKIT=0  # no buildx plugin here: ask for the classic builder rather than fall back to it

# Docs, man pages, translations and the LLVM JIT are dead weight (~400 MB → ~220 MB). The
# postgresql-client postinst registers man pages kept under /usr/share/postgresql/N/man.
SLIM=(--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
      --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/share/locale/*'
      --dpkgopt='path-exclude=/usr/share/lintian/*' --dpkgopt='path-exclude=/usr/lib/*/libLLVM*'
      --dpkgopt='path-exclude=/usr/lib/postgresql/*/lib/bitcode/*'
      --dpkgopt='path-exclude=/usr/lib/postgresql/*/lib/llvmjit*'
      --dpkgopt='path-include=/usr/share/postgresql/*/man/*')

# postgres gets uid/gid 999 before any package creates it (volumes must move between images);
# no main cluster: the entrypoint runs initdb itself.
PG_USER_HOOK='echo "postgres:x:999:999:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash" >>"$1/etc/passwd"
  echo "postgres:x:999:" >>"$1/etc/group"
  [ ! -e "$1/etc/shadow" ] || echo "postgres:*:20000:0:99999:7:::" >>"$1/etc/shadow"
  [ ! -e "$1/etc/gshadow" ] || echo "postgres:!::" >>"$1/etc/gshadow"
  mkdir -p "$1/etc/postgresql-common/createcluster.d"
  echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/00-testbed.conf"'
# Paths through "$1/run", never "$1/var/run": that link is absolute and points at the host's /run.
PG_SETUP_HOOK='chroot "$1" localedef -i en_US -c -f UTF-8 en_US.UTF-8
  rm -f "$1/run/adduser"
  install -d -o 999 -g 999 -m 3777 "$1/run/postgresql"
  install -d -o 999 -g 999 -m 700 "$1/var/lib/postgresql/data"
  install -m 755 "$ENTRYPOINT" "$1/usr/local/bin/docker-entrypoint.sh"'
# 18 ships no /var/lib/postgresql/data, as the official image: its PGDATA is made at first start, under
# the volume at /var/lib/postgresql (which postgresql-common gives to postgres).
PG18_SETUP_HOOK=$(grep -v '/var/lib/postgresql/data' <<<"$PG_SETUP_HOOK")
# mmdebstrap empties /run last; keep it so the socket directory ships (as in the official image).
PG_HOOKS=(--essential-hook="$PG_USER_HOOK" --customize-hook="$PG_SETUP_HOOK" --skip=cleanup/run)
PG18_HOOKS=(--essential-hook="$PG_USER_HOOK" --customize-hook="$PG18_SETUP_HOOK" --skip=cleanup/run)
ENTRYPOINT=$here/postgres/docker-entrypoint.sh
export ENTRYPOINT

pg_dockerfile() {  # MAJOR: whose binaries come first on PATH, and whose data layout; EXTRA: more Dockerfile lines
  # 18 moved PGDATA under its major's directory and the volume to their parent (docker-library/postgres#1259):
  # one mount then holds the old and the new cluster, as pg_ctlcluster lays them out.
  local pgdata=/var/lib/postgresql/data volume=/var/lib/postgresql/data
  [ "$1" -lt 18 ] || { pgdata=/var/lib/postgresql/$1/docker; volume=/var/lib/postgresql; }
  cat <<EOF
ARG BASE
FROM \$BASE
ENV PATH=/usr/lib/postgresql/$1/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \\
    PG_MAJOR=$1 LANG=en_US.utf8 PGDATA=$pgdata
${2:-}
VOLUME $volume
EXPOSE 5432
STOPSIGNAL SIGINT
HEALTHCHECK --interval=2s --timeout=5s --start-period=60s --retries=3 \\
  CMD pg_isready -h 127.0.0.1 -U "\${POSTGRES_USER:-postgres}" || exit 1
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["postgres"]
EOF
}

# Each Debian suite carries one PostgreSQL major: bookworm 15, trixie 17, forky (testing) 18.
suite_of() { case $1 in 15) echo bookworm ;; 17) echo trixie ;; 18) echo forky ;; esac; }
source_of() {  # SUITE → its sources line
  # testing's Release file can outlive its Valid-Until on a mirror (forky's did: "Release file ... is
  # expired", so no image at all); its signature is still checked.
  echo "deb $([ "$1" != forky ] || echo '[check-valid-until=no] ')$MIRROR $1 main"
}

spec() {  # NAME → suite, sources, packages, hooks, dockerfile, files (everything the image depends on)
  files=()
  case $1 in
    postgres:15|postgres:17|postgres:18)
      local major=${1#postgres:}
      suite=$(suite_of "$major"); sources=("$(source_of "$suite")")
      packages=postgresql-$major,locales,util-linux
      if [ "$major" -lt 18 ]; then hooks=("${PG_HOOKS[@]}"); else hooks=("${PG18_HOOKS[@]}"); fi
      dockerfile=$(pg_dockerfile "$major"); files=("$ENTRYPOINT") ;;
    postgres-upgrade:15-to-17|postgres-upgrade:15-to-18|postgres-upgrade:17-to-18)
      local old new pinned
      old=${1#postgres-upgrade:}; new=${old#*-to-}; old=${old%-to-*}; pinned=$(suite_of "$old")
      # The new major's suite is the root (18 needs forky's glibc, which no older suite has); the old
      # one's, pinned at 100, only supplies what the root lacks (postgresql-$old and its old libraries).
      suite=$(suite_of "$new"); sources=("$(source_of "$suite")" "$(source_of "$pinned")")
      packages=postgresql-$new,postgresql-$old,locales,util-linux
      hooks=(--setup-hook="printf \"Package: *\\nPin: release n=$pinned\\nPin-Priority: 100\\n\" >\"\$1/etc/apt/preferences.d/$pinned\"")
      if [ "$new" -lt 18 ]; then hooks+=("${PG_HOOKS[@]}"); else hooks+=("${PG18_HOOKS[@]}"); fi
      # pg_upgrade reads PGBINOLD/PGBINNEW, so only the data directories need naming.
      dockerfile=$(pg_dockerfile "$new" "ENV PGBINOLD=/usr/lib/postgresql/$old/bin PGBINNEW=/usr/lib/postgresql/$new/bin")
      files=("$ENTRYPOINT") ;;
    app:1)
      suite=bookworm; sources=("deb $MIRROR bookworm main")
      packages=postgresql-client-15,busybox
      # Debian's busybox installs no applet links; link only the two used (coreutils stay GNU).
      hooks=(--customize-hook='cp -a "$APP_DIR" "$1/app"
        ln -s /bin/busybox "$1/usr/local/bin/httpd"; ln -s /bin/busybox "$1/usr/local/bin/wget"')
      dockerfile=$(printf '%s\n' 'ARG BASE' 'FROM $BASE' \
        'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8' \
        'WORKDIR /app' 'ENTRYPOINT ["/app/app.sh"]' 'CMD ["api"]')
      mapfile -t files < <(find "$here/app" -type f | sort) ;;
    *) echo "unknown image '$1' (known: ${ALL[*]} ${BY_NAME[*]})" >&2; exit 2 ;;
  esac
}
export APP_DIR=$here/app

recipe_hash() {  # spec, build steps, files' names, modes and contents; not the mirror nor the checkout path
  { declare -p suite sources packages hooks dockerfile | sed "s|$MIRROR|MIRROR|g"
    declare -f build
    printf '%s\n' "${SLIM[@]}"
    for f in "${files[@]}"; do echo "${f#$here/} $(stat -c %a "$f")"; cat "$f"; done
  } | sha256sum | cut -d' ' -f1
}

tmp_tag=
trap '[ -z "$tmp_tag" ] || docker rmi -f "$tmp_tag" >/dev/null 2>&1 || true' EXIT

build() {  # NAME
  local name=${1#"$REPO/"} start=$SECONDS hash old
  spec "$name"
  hash=$(recipe_hash)
  old=$(docker image inspect -f '{{.Id}} {{index .Config.Labels "upshift.testbed.recipe"}}' "$REPO/$name" 2>/dev/null || true)
  if [ "${old#* }" = "$hash" ]; then
    echo "== $REPO/$name: up to date (recipe ${hash:0:12}), skipped"; return
  fi
  echo "== $REPO/$name: building (recipe ${hash:0:12})"
  tmp_tag=$REPO/rootfs-tmp:$$
  mmdebstrap --variant=essential --include="$packages" "${SLIM[@]}" "${hooks[@]}" \
    "$suite" - "${sources[@]}" | docker import - "$tmp_tag" >/dev/null
  docker build -q --build-arg BASE="$tmp_tag" --label "upshift.testbed.recipe=$hash" \
    -t "$REPO/$name" - <<<"$dockerfile" >/dev/null
  docker rmi "$tmp_tag" >/dev/null && tmp_tag=
  # The superseded image would linger dangling; drop it unless a container still uses it.
  [ -z "$old" ] || docker rmi "${old%% *}" >/dev/null 2>&1 || true
  echo "== $REPO/$name: built in $((SECONDS - start)) s, $(docker image inspect -f '{{.Size}}' "$REPO/$name" | numfmt --to=si)B"
}

total=$SECONDS
[ $# -gt 0 ] || set -- "${ALL[@]}"
for name in "$@"; do spec "${name#"$REPO/"}"; done  # reject a bad name before building anything
for name in "$@"; do build "$name"; done
echo "== done in $((SECONDS - total)) s"
