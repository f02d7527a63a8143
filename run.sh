#!/usr/bin/env bash
# Starts the whole Centrale d'achat system locally (embedded Kafka + MongoDB, auth server, services, gateway).
# Builds first if a runnable jar is missing or older than the sources (or with --build).
# Other options go to the launcher: --data-dir DIR, --reset, --timeout SECONDS, --json-logs, --only NAMES, --help.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODULES=(embedded-infra auth-server adhesion-service marche-service catalogue-service gateway local-stack)
JARS=(
  embedded-infra/target/embedded-infra-exec.jar
  auth-server/target/auth-server.jar
  adhesion-service/target/adhesion-service.jar
  marche-service/target/marche-service.jar
  catalogue-service/target/catalogue-service.jar
  gateway/target/gateway.jar
  local-stack/target/local-stack.jar
)

force_build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then force_build=true; else args+=("$arg"); fi
done

needs_build() {
  $force_build && return 0
  local oldest="" jar
  for jar in "${JARS[@]}"; do
    [[ -f "$ROOT/$jar" ]] || { echo "Missing $jar" >&2; return 0; }
    if [[ -z "$oldest" || "$ROOT/$jar" -ot "$oldest" ]]; then oldest="$ROOT/$jar"; fi
  done
  # Any source or pom newer than the oldest jar (shared modules included) means something is stale.
  local newer
  newer=$(cd "$ROOT" && find . -path ./data -prune -o -path '*/target' -prune -o -path ./.git -prune -o \
    \( -path '*/src/*' -o -name pom.xml \) -type f -newer "$oldest" -print -quit)
  if [[ -n "$newer" ]]; then echo "Sources changed (${newer#./})" >&2; return 0; fi
  return 1
}

if needs_build; then
  echo "Building (./mvnw -q -DskipTests package)..." >&2
  modules=$(IFS=,; echo "${MODULES[*]}")
  (cd "$ROOT" && ./mvnw -q -DskipTests package -pl "$modules" -am)
fi

exec java -jar "$ROOT/local-stack/target/local-stack.jar" ${args[@]+"${args[@]}"}
