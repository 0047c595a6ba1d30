#!/usr/bin/env bash
# Builds every Claimwire image (`./claimwire images` runs this):
#   claimwire/{ingest,nlp,query}-service:<project version>   the services, from each module's
#                                                          src/main/docker/Dockerfile.jvm
#   claimwire/kafka-standin:<Kafka version>                Kafka's jars from Maven on the JRE base (KRaft)
#   claimwire/postgres-standin:15                          Debian's PostgreSQL, official-image entrypoint
# The services' base image is CLAIMWIRE_BASE_IMAGE: by default the local claimwire/jre-base:17 that
# base/make-base-image.sh makes from Debian packages (reused when present); where a registry is reachable,
# e.g. CLAIMWIRE_BASE_IMAGE=eclipse-temurin:17-jre. CLAIMWIRE_STANDINS=0 skips the two stand-ins.
# Packages the services with Maven first when their target/quarkus-app is missing or older than the sources.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
HERE="$ROOT/containers"
SERVICES=(ingest-service nlp-service query-service)
LOCAL_JRE=claimwire/jre-base:17
BASE_IMAGE="${CLAIMWIRE_BASE_IMAGE:-$LOCAL_JRE}"
STANDINS="${CLAIMWIRE_STANDINS:-1}"

log() { printf '\033[1m[images]\033[0m %s\n' "$*"; }
die() { printf '[images] error: %s\n' "$*" >&2; exit 1; }

if ! docker info >/dev/null 2>&1; then
  cat >&2 <<'HOW'
[images] no Docker daemon answers. Start one, as root, for example:
    apt-get install -y docker.io debootstrap      # Debian's Docker engine (and debootstrap for the base image)
    dockerd --iptables=false >/tmp/dockerd.log 2>&1 &
  (or `systemctl start docker` where systemd runs), then run ./claimwire images again.
HOW
  exit 1
fi

pom_value() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -1; }
VERSION="$(pom_value version)"
KAFKA_VERSION="$(pom_value kafka.version)"
REVISION="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
CREATED="$(git -C "$ROOT" log -1 --format=%cI 2>/dev/null || echo unknown)"

# 1. The Maven artifacts the images copy: each service's fast-jar and the Kafka stand-in's jars.
stale() { # module: is target/quarkus-app missing or older than its sources (or the event contract)?
  local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  [[ -f "$jar" ]] || return 0
  [[ -n "$(find "$ROOT/$1/src/main" "$ROOT/$1/pom.xml" "$ROOT/events/src/main" "$ROOT/pom.xml" -newer "$jar" -print -quit)" ]]
}
needs_build=0
for m in "${SERVICES[@]}"; do stale "$m" && needs_build=1; done
[[ "$STANDINS" = 1 && ! -d "$HERE/target/kafka/libs" ]] && needs_build=1
if [[ $needs_build = 1 ]]; then
  command -v mvn >/dev/null || die "Maven (mvn) is needed to package the services"
  log "packaging the services with Maven (log: $ROOT/.work/logs/images-build.log)"
  mkdir -p "$ROOT/.work/logs"
  (cd "$ROOT" && mvn -B -q package -Dmaven.test.skip=true -pl "$(IFS=,; echo "${SERVICES[*]}"),containers" -am) \
    >"$ROOT/.work/logs/images-build.log" 2>&1 || die "Maven build failed; see $ROOT/.work/logs/images-build.log"
fi

# 2. Base images (reused when present).
if [[ "$BASE_IMAGE" = "$LOCAL_JRE" || "$STANDINS" = 1 ]]; then
  "$HERE/base/make-base-image.sh"
fi

build() { # image dockerfile context [build args...]
  local image=$1 dockerfile=$2 context=$3 start buildlog previous; shift 3
  start=$(date +%s)
  previous="$(docker image inspect -f '{{.Id}}' "$image" 2>/dev/null || true)"
  buildlog="$ROOT/.work/logs/image-$(basename "${image%%:*}").log"
  mkdir -p "$ROOT/.work/logs"
  docker build --network host -f "$dockerfile" -t "$image" "$@" "$context" >"$buildlog" 2>&1 \
    || die "docker build of $image failed; see $buildlog"
  # The image this tag named before, unless something still uses it (no dangling copy per rebuild).
  if [[ -n "$previous" && "$previous" != "$(docker image inspect -f '{{.Id}}' "$image")" ]]; then
    docker rmi "$previous" >/dev/null 2>&1 || true
  fi
  log "$image built in $(( $(date +%s) - start )) s"
}

# 3. The services, one after the other (the machine's cores are shared).
for m in "${SERVICES[@]}"; do
  java_opts="$(sed -n 's/^quarkus\.kubernetes\.env\.vars\.java-opts-append=//p' "$ROOT/$m/src/main/resources/application.properties")"
  build "claimwire/$m:$VERSION" "$ROOT/$m/src/main/docker/Dockerfile.jvm" "$ROOT/$m/target/quarkus-app" \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" --build-arg "JAVA_OPTS_APPEND=$java_opts" \
    --build-arg "VERSION=$VERSION" --build-arg "REVISION=$REVISION" --build-arg "CREATED=$CREATED"
done

# 4. The stand-ins for Kafka and PostgreSQL.
if [[ "$STANDINS" = 1 ]]; then
  cp "$HERE/kafka/Dockerfile" "$HERE/kafka/kafka-entrypoint.sh" "$HERE/target/kafka/"
  build "claimwire/kafka-standin:$KAFKA_VERSION" "$HERE/target/kafka/Dockerfile" "$HERE/target/kafka" \
    --build-arg "BASE_IMAGE=$LOCAL_JRE" --build-arg "KAFKA_VERSION=$KAFKA_VERSION"
  build claimwire/postgres-standin:15 "$HERE/postgres/Dockerfile" "$HERE/postgres"
fi

log "images:"
docker images --filter 'reference=claimwire/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort | sed 's/^/  /'
