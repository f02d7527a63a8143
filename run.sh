#!/usr/bin/env bash
# Starts the whole Centrale d'achat system locally (embedded Kafka + MongoDB, auth server, services, gateway).
# Builds first if a runnable jar is missing or older than the sources (or with --build).
# --no-build runs the jars as they are. Other options go to the launcher: --data-dir DIR, --reset,
# --timeout SECONDS, --json-logs, --only NAMES, --free-ports, --env NAME=VALUE, --no-class-data-sharing, --help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULES=(embedded-infra auth-server adhesion-service marche-service catalogue-service diffusion-service gateway local-stack)
# Modules whose code ends up in the jars above.
SOURCES=(shared-kernel event-contracts service-support "${MODULES[@]}")
JARS=(
  embedded-infra/target/embedded-infra-exec.jar
  auth-server/target/auth-server.jar
  adhesion-service/target/adhesion-service.jar
  marche-service/target/marche-service.jar
  catalogue-service/target/catalogue-service.jar
  diffusion-service/target/diffusion-service.jar
  gateway/target/gateway.jar
  local-stack/target/local-stack.jar
)

force_build=false
no_build=false
args=()
for arg in "$@"; do
  case "$arg" in
    --build) force_build=true ;;
    --no-build) no_build=true ;;
    *) args+=("$arg") ;;
  esac
done

needs_build() {
  $force_build && return 0
  $no_build && return 1
  local oldest="" jar
  for jar in "${JARS[@]}"; do
    [[ -f "$ROOT/$jar" ]] || { echo "Missing $jar" >&2; return 0; }
    if [[ -z "$oldest" || "$ROOT/$jar" -ot "$oldest" ]]; then oldest="$ROOT/$jar"; fi
  done
  # Any source or pom newer than the oldest jar (shared modules included) means something is stale.
  local newer
  newer=$(cd "$ROOT" && { find pom.xml -newer "$oldest"; find "${SOURCES[@]}" -path '*/target' -prune -o \
    \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$oldest" -print; } | head -1)
  if [[ -n "$newer" ]]; then echo "Sources changed (${newer#./})" >&2; return 0; fi
  return 1
}

if needs_build; then
  echo "Building (./mvnw -q -DskipTests package)..." >&2
  modules=$(IFS=,; echo "${MODULES[*]}")
  (cd "$ROOT" && ./mvnw -q -DskipTests package -pl "$modules" -am)
fi

exec java -jar "$ROOT/local-stack/target/local-stack.jar" ${args[@]+"${args[@]}"}
