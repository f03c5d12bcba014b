#!/usr/bin/env bash
# The main job: a real upgrade of the sample stack from PostgreSQL 15 to 17 with the embedded H2 store.
# Installs and builds what is missing, (re)starts the stack as compose project "upshift-sample" (never a real project's name: it is reset) from a copy of
# testbed/stack under ~/.upshift/sample-stack, then plans and runs the upgrade.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
stack=${UPSHIFT_HOME:-$HOME/.upshift}/sample-stack
id=makapix-pg17-$(date -u +%Y%m%d-%H%M%S)

bash "$here/install-engine.sh"
bash "$here/build-images.sh" postgres:15 postgres:17 app:1

# a fresh stack on 15 each time: the previous run left it on 17
if [ -f "$stack/compose.yml" ]; then
  docker compose -p upshift-sample -f "$stack/compose.yml" down -v --remove-orphans >/dev/null 2>&1 || true
fi
rm -rf "$stack" && mkdir -p "$(dirname "$stack")" && cp -r "$here/stack" "$stack"
docker compose -p upshift-sample -f "$stack/compose.yml" up -d --wait

"$root/upshift" plan --compose "$stack/compose.yml" --service db --to upshift-testbed/postgres:17 --id "$id"
"$root/upshift" run "$id" --yes
docker compose -p upshift-sample -f "$stack/compose.yml" ps
