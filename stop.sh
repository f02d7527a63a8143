#!/usr/bin/env bash
# Stops a stack started by run.sh: SIGTERM to the launcher, which stops its children in reverse order.
# Usage: stop.sh [--data-dir DIR]   (default: <project>/data, as for run.sh)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data_dir="$ROOT/data"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir="${2:?--data-dir needs a value}"; shift 2 ;;
    --data-dir=*) data_dir="${1#--data-dir=}"; shift ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

pid_file="$data_dir/stack.pid"
if [[ ! -f "$pid_file" ]]; then
  echo "No stack running ($pid_file not found)"
  exit 0
fi
pid=$(tr -d '[:space:]' < "$pid_file")
# Only signal our launcher: the pid may have been reused since a crash.
if ! ps -p "$pid" -o args= 2>/dev/null | grep -q 'local-stack'; then
  echo "No stack running (stale $pid_file, pid $pid)"
  rm -f "$pid_file"
  exit 0
fi

echo "Stopping stack (launcher pid $pid)..."
kill -TERM "$pid"
# The launcher gives each process up to 20 s (90 s while it records its class data sharing archive),
# stage by stage.
for _ in $(seq 1 2400); do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Stopped."
    exit 0
  fi
  sleep 0.1
done
echo "Launcher $pid still running after 240 s" >&2
exit 1
