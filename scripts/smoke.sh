#!/usr/bin/env bash
# Runs the end-to-end smoke flow against a running deployment and exits non-zero on the first failure.
#   scripts/smoke.sh GATEWAY_URL AUTH_SERVER_URL [--acheteur USER:PASSWORD] [--agent-talant USER:PASSWORD] ...
#   scripts/smoke.sh http://localhost:8080 http://localhost:9000        # the embedded default with demo accounts
set -euo pipefail
cd "$(dirname "$0")/.."
jar=smoke-test/target/smoke-test-exec.jar
if [ ! -f "$jar" ]; then
  ./mvnw -q -pl smoke-test -am -DskipTests package
fi
exec java -jar "$jar" "$@"
