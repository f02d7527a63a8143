#!/usr/bin/env bash
# Benchmarks of the platform, each measured side by side with a reference in one run.
#   bench/run.sh gateway  [--url GATEWAY --service-url CATALOGUE --auth-url AUTH] [--duration S] [--rounds N]
#   bench/run.sh events   [--url GATEWAY --auth-url AUTH --kafka HOST:PORT] [--samples N]
#   bench/run.sh startup  [--runs N]
#   bench/run.sh plis     [--url GATEWAY --auth-url AUTH --marche-url MARCHE] [--suppliers N] [--size-mb N] [--threads N]
#   bench/run.sh orders   [--url GATEWAY [--url2 GATEWAY2] --auth-url AUTH] [--members N] [--target-s S] [--warmup S]
#   bench/run.sh search   [--url GATEWAY --service-url CATALOGUE --auth-url AUTH] [--items N] [--contracts N]
#                         [--clients N] [--warmup S] [--duration S] [--suppliers N] [--members N]
#   bench/run.sh recensement [--url GATEWAY --adhesion-url ADHESION --auth-url AUTH] [--members N] [--lots N]
#                         [--clients N]
#   bench/run.sh feed     [--url GATEWAY --diffusion-url DIFFUSION --auth-url AUTH --kafka HOST:PORT] [--events N]
#                         [--rate N] [--live-s S]
# Without --url a stack is started on free ports (./run.sh --free-ports, rate limiting off) and stopped after.
# Figures go to stdout; the last line is always "NAME: key=value ...". BENCH_NO_BUILD=1: use the jars as built.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME="${1:-}"
[[ -n "$NAME" ]] && shift || true
case "$NAME" in
  gateway|events|startup|plis|orders|search|recensement|feed) ;;
  *) sed -n '2,13p' "$0"; exit 2 ;;
esac

URL="" URL2="" SERVICE_URL="" AUTH_URL="" MARCHE_URL="" KAFKA="" DURATION=10 ROUNDS=3 SAMPLES=40 RUNS=3 CONNECTIONS=32 WARMUP=60
SUPPLIERS=200 SIZE_MB=5 THREADS=32 MEMBERS=64 TARGET_S=20 LIMIT_S=120 ITEMS=1600000 CONTRACTS=320 CLIENTS=32
[[ "$NAME" == orders ]] && WARMUP=15
[[ "$NAME" == search ]] && { WARMUP=20; DURATION=30; SUPPLIERS=16; MEMBERS=6; }
[[ "$NAME" == recensement ]] && { MEMBERS=500; CLIENTS=32; }
LOTS=20 ADHESION_URL="" DIFFUSION_URL="" EVENTS=100000 RATE=200 LIVE_S=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --url) URL="$2"; shift 2 ;;
    --url2) URL2="$2"; shift 2 ;;
    --service-url) SERVICE_URL="$2"; shift 2 ;;
    --auth-url) AUTH_URL="$2"; shift 2 ;;
    --marche-url) MARCHE_URL="$2"; shift 2 ;;
    --adhesion-url) ADHESION_URL="$2"; shift 2 ;;
    --lots) LOTS="$2"; shift 2 ;;
    --diffusion-url) DIFFUSION_URL="$2"; shift 2 ;;
    --events) EVENTS="$2"; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --live-s) LIVE_S="$2"; shift 2 ;;
    --kafka) KAFKA="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --samples) SAMPLES="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --suppliers) SUPPLIERS="$2"; shift 2 ;;
    --size-mb) SIZE_MB="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --members) MEMBERS="$2"; shift 2 ;;
    --target-s) TARGET_S="$2"; shift 2 ;;
    --limit-s) LIMIT_S="$2"; shift 2 ;;
    --items) ITEMS="$2"; shift 2 ;;
    --contracts) CONTRACTS="$2"; shift 2 ;;
    --clients) CLIENTS="$2"; shift 2 ;;
    *) echo "Unknown option $1" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d /tmp/centrale-bench.XXXXXX)"
STACK_DATA="" NGINX_PID="" EXTRA_PIDS=()
cleanup() {
  [[ -n "$NGINX_PID" ]] && kill "$NGINX_PID" 2>/dev/null || true
  for p in ${EXTRA_PIDS[@]+"${EXTRA_PIDS[@]}"}; do kill "$p" 2>/dev/null || true; done
  [[ -n "$STACK_DATA" ]] && "$ROOT/stop.sh" --data-dir "$STACK_DATA" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date +%T)] $*" >&2; }

need_packages() {
  local missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  if [[ ${#missing[@]} -gt 0 ]]; then
    log "Installing ${missing[*]} (apt-get)"
    local sudo=""; [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get install -y "${missing[@]}" >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y "${missing[@]}" >/dev/null; }
  fi
}

# The JVM client (bench/target/bench-exec.jar), rebuilt when its sources are newer.
bench_jar() {
  local jar="$ROOT/bench/target/bench-exec.jar"
  if [[ ! -f "$jar" || -n "$(find "$ROOT/bench/src" "$ROOT/bench/pom.xml" -newer "$jar" -print -quit)" ]]; then
    log "Building the bench client (./mvnw -q -DskipTests package -pl bench)"
    (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package -pl bench) >&2
  fi
  echo "$jar"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Starts a stack on free ports in $1 (data dir); prints nothing, sets STACK_DATA; returns after "is up".
# Extra launcher options follow.
start_stack() {
  STACK_DATA="$1"; shift
  local out="$STACK_DATA.out"
  mkdir -p "$STACK_DATA"
  local build=(); [[ "${BENCH_NO_BUILD:-}" == 1 ]] && build=(--no-build)
  "$ROOT/run.sh" ${build[@]+"${build[@]}"} --free-ports --data-dir "$STACK_DATA" "$@" >"$out" 2>&1 &
  local pid=$!
  for _ in $(seq 1 3000); do
    if grep -q "is up in" "$out" 2>/dev/null; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then cat "$out" >&2; log "stack failed to start"; return 1; fi
    sleep 0.1
  done
  cat "$out" >&2; log "stack not up after 300 s"; return 1
}

stack_field() { # process field(2=pid 3=port 4=url)
  awk -v n="$1" -v f="$2" '$1==n {print $f}' "$STACK_DATA/stack.processes"
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR==0) print "nan"; else if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2}'; }

use_stack_or_url() { # extra launcher options for the stack started here
  if [[ -z "$URL" ]]; then
    log "Starting a stack on free ports (rate limiting off)"
    start_stack "$WORK/data" --env CENTRALE_RATELIMIT_ENABLED=false "$@"
    URL=$(stack_field gateway 4)
    SERVICE_URL=$(stack_field catalogue-service 4)
    AUTH_URL=$(stack_field auth-server 4)
    MARCHE_URL=$(stack_field marche-service 4)
    ADHESION_URL=$(stack_field adhesion-service 4)
    DIFFUSION_URL=$(stack_field diffusion-service 4)
    local infra_port; infra_port=$(stack_field embedded-infra 3)
    KAFKA="localhost:$(grep -o 'Kafka localhost:[0-9]*' "$WORK/data.out" | head -1 | cut -d: -f2)"
    log "Stack up: gateway $URL, catalogue $SERVICE_URL, auth $AUTH_URL, kafka $KAFKA (infra http :$infra_port)"
  else
    local host; host=$(echo "$URL" | sed -E 's#^https?://([^:/]+).*#\1#')
    SERVICE_URL="${SERVICE_URL:-http://$host:8083}"
    AUTH_URL="${AUTH_URL:-http://$host:9000}"
    MARCHE_URL="${MARCHE_URL:-http://$host:8082}"
    ADHESION_URL="${ADHESION_URL:-http://$host:8081}"
    KAFKA="${KAFKA:-$host:9092}"
  fi
}

# ---- gateway -----------------------------------------------------------------------------------------------
# wrk --latency prints "50%  1.23ms"; convert us/ms/s to ms.
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.2f\n", v}'; }

WRK_OUT=""
run_wrk() { # url connections threads duration -> sets WRK_RPS WRK_P50 WRK_P99 WRK_ERR
  WRK_OUT=$(wrk -t"$3" -c"$2" -d"$4"s --latency -H "Authorization: Bearer $TOKEN" "$1" 2>&1)
  WRK_RPS=$(echo "$WRK_OUT" | awk '/Requests\/sec/ {printf "%.0f", $2}')
  WRK_P50=$(echo "$WRK_OUT" | awk '$1=="50%" {print $2}' | to_ms)
  WRK_P99=$(echo "$WRK_OUT" | awk '$1=="99%" {print $2}' | to_ms)
  # "Non-2xx or 3xx responses: N" (the 2 and 3 of its label are not counts) and
  # "Socket errors: connect N, read N, write N, timeout N".
  WRK_ERR=$(echo "$WRK_OUT" | awk '/Non-2xx or 3xx responses:/ {s+=$NF}
    /Socket errors:/ {sub(/.*Socket errors:/,""); gsub(/[^0-9 ]/," "); for(i=1;i<=NF;i++) s+=$i} END {print s+0}')
}

bench_gateway() {
  need_packages nginx wrk curl python3
  use_stack_or_url
  local path="/api/catalogue/consultations-ouvertes"
  TOKEN=$(curl -sf -u systeme-externe:systeme-externe-secret -d grant_type=client_credentials -d 'scope=data:read' \
    "$AUTH_URL/oauth2/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  local service_hostport; service_hostport=$(echo "$SERVICE_URL" | sed -E 's#^https?://##; s#/.*##; s#^localhost#127.0.0.1#')
  local nginx_port; nginx_port=$(free_port)
  mkdir -p "$WORK/nginx/logs"
  cat >"$WORK/nginx/nginx.conf" <<NGINX
worker_processes auto;
error_log $WORK/nginx/logs/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fcgi; uwsgi_temp_path $WORK/nginx/uwsgi; scgi_temp_path $WORK/nginx/scgi;
  upstream service { server $service_hostport; keepalive 64; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://service;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
    }
  }
}
NGINX
  nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$WORK/nginx/logs/error.log" &
  NGINX_PID=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$nginx_port/" && break; sleep 0.1; done

  declare -A target=([gateway]="$URL$path" [nginx]="http://127.0.0.1:$nginx_port$path" [direct]="$SERVICE_URL$path")
  for t in gateway nginx direct; do
    local code; code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "${target[$t]}")
    [[ "$code" == 200 ]] || { log "$t answered $code for ${target[$t]}"; exit 1; }
  done
  # The gateway runs C2, which needs longer to reach its steady state than the C1-only service: with 30 s, the
  # first round still measured compilation (the gateway's throughput rose by about a quarter from round 1 to 3).
  log "Warm-up: ${WARMUP} s through the gateway, 10 s on the others, 5 s at 1 connection"
  run_wrk "${target[gateway]}" "$CONNECTIONS" 2 "$WARMUP"
  for t in nginx direct; do run_wrk "${target[$t]}" "$CONNECTIONS" 2 10; done
  for t in gateway direct; do run_wrk "${target[$t]}" 1 1 5; done

  local errors=0
  : >"$WORK/high" ; : >"$WORK/low"
  for r in $(seq 1 "$ROUNDS"); do
    for t in gateway nginx direct; do
      run_wrk "${target[$t]}" "$CONNECTIONS" 2 "$DURATION"
      printf "round %d  %-8s c=%-3s %6s req/s  p50 %7s ms  p99 %7s ms  errors %s\n" "$r" "$t" "$CONNECTIONS" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERR"
      echo "$t $WRK_RPS $WRK_P50 $WRK_P99" >>"$WORK/high"; errors=$((errors + WRK_ERR))
    done
    for t in gateway direct; do
      run_wrk "${target[$t]}" 1 1 "$DURATION"
      printf "round %d  %-8s c=1   %6s req/s  p50 %7s ms  p99 %7s ms  errors %s\n" "$r" "$t" "$WRK_RPS" "$WRK_P50" "$WRK_P99" "$WRK_ERR"
      echo "$t $WRK_RPS $WRK_P50 $WRK_P99" >>"$WORK/low"; errors=$((errors + WRK_ERR))
    done
  done
  m() { awk -v t="$2" -v f="$3" '$1==t {print $f}' "$WORK/$1" | median; }
  local g n d; g=$(m high gateway 2); n=$(m high nginx 2); d=$(m high direct 2)
  local ratio; ratio=$(awk -v a="$g" -v b="$n" 'BEGIN {printf "%.2f", a/b}')
  local ratio_direct; ratio_direct=$(awk -v a="$g" -v b="$d" 'BEGIN {printf "%.2f", a/b}')
  local added; added=$(awk -v a="$(m low gateway 4)" -v b="$(m low direct 4)" 'BEGIN {printf "%.2f", a-b}')
  local added50; added50=$(awk -v a="$(m low gateway 3)" -v b="$(m low direct 3)" 'BEGIN {printf "%.2f", a-b}')
  echo
  echo "medians of $ROUNDS rounds of ${DURATION} s, $CONNECTIONS connections; low load = 1 connection"
  printf "  gateway %s req/s (p50 %s / p99 %s ms), nginx %s req/s (p50 %s / p99 %s ms), direct %s req/s (p50 %s / p99 %s ms)\n" \
    "$g" "$(m high gateway 3)" "$(m high gateway 4)" "$n" "$(m high nginx 3)" "$(m high nginx 4)" "$d" "$(m high direct 3)" "$(m high direct 4)"
  printf "  low load p50: gateway %s ms, direct %s ms, added %s ms\n" "$(m low gateway 3)" "$(m low direct 3)" "$added50"
  printf "  low load p99: gateway %s ms, direct %s ms, added %s ms\n" "$(m low gateway 4)" "$(m low direct 4)" "$added"
  echo "gateway: gateway_rps=$g nginx_rps=$n direct_rps=$d gateway_p50_ms=$(m high gateway 3) gateway_p99_ms=$(m high gateway 4) nginx_p50_ms=$(m high nginx 3) nginx_p99_ms=$(m high nginx 4) direct_p50_ms=$(m high direct 3) direct_p99_ms=$(m high direct 4) low_gateway_p99_ms=$(m low gateway 4) low_direct_p99_ms=$(m low direct 4) added_p50_ms=$added50 added_p99_ms=$added gateway_direct_ratio=$ratio_direct errors=$errors connections=$CONNECTIONS rounds=$ROUNDS ratio=$ratio"
}

# ---- events ------------------------------------------------------------------------------------------------
bench_events() {
  need_packages python3
  local jar; jar=$(bench_jar)
  use_stack_or_url
  java -jar "$jar" events --gateway "$URL" --auth "$AUTH_URL" --kafka "$KAFKA" --samples "$SAMPLES" --label events
}

# ---- plis --------------------------------------------------------------------------------------------------
# The suppliers' accounts reach the auth-server as additional configuration: its users are a map, merged with
# the demo profile's. Against --url, the target must have been started with them (see bench/README.md).
bench_plis() {
  need_packages python3
  local jar; jar=$(bench_jar)
  local accounts="$WORK/fournisseurs.yml"
  java -jar "$jar" plis-accounts --count "$SUPPLIERS" --out "$accounts"
  [[ -z "$URL" ]] || log "Against --url: the auth-server must already know these accounts (bench/README.md)"
  use_stack_or_url --env "SPRING_CONFIG_ADDITIONAL_LOCATION=file:$accounts"
  local xmx=()
  if [[ -n "$STACK_DATA" ]]; then
    # The last -Xmx of marche-service's command line is the one in force.
    local opt; opt=$(tr '\0' '\n' <"/proc/$(stack_field marche-service 2)/cmdline" | grep '^-Xmx' | tail -1 || true)
    [[ -n "$opt" ]] && xmx=(--xmx "$opt")
  fi
  log "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  # A small heap for the client too: it generates the files as it sends them.
  java -Xmx256m -jar "$jar" plis --gateway "$URL" --auth "$AUTH_URL" --marche "$MARCHE_URL" --suppliers "$SUPPLIERS" \
    --size-mb "$SIZE_MB" --threads "$THREADS" ${xmx[@]+"${xmx[@]}"} --label plis
}

# ---- orders ------------------------------------------------------------------------------------------------
# A copy of a process of the stack, started here with the same command line, environment and directory but another
# port (and no AppCDS archive recording); extra NAME=VALUE replace the environment's. Sets CLONE_URL once ready.
CLONE_URL=""
clone_process() { # name label [NAME=VALUE...]
  local name="$1" label="$2"; shift 2
  local pid; pid=$(stack_field "$name" 2)
  local port; port=$(free_port)
  local cmd=() envv=() arg
  while IFS= read -r -d '' arg; do
    case "$arg" in
      --server.port=*) cmd+=("--server.port=$port") ;;
      -XX:ArchiveClassesAtExit=*) ;;
      -XX:TieredStopAtLevel=1) [[ "${CLONE_C2:-}" == 1 ]] || cmd+=("$arg") ;;
      -XX:CICompilerCount=1) if [[ "${CLONE_C2:-}" == 1 ]]; then cmd+=(-XX:CICompilerCount=2); else cmd+=("$arg"); fi ;;
      *) cmd+=("$arg") ;;
    esac
  done <"/proc/$pid/cmdline"
  while IFS= read -r -d '' arg; do envv+=("$arg"); done <"/proc/$pid/environ"
  (cd "$(readlink "/proc/$pid/cwd")" && exec env -i "${envv[@]}" "$@" "${cmd[@]}") >"$WORK/$label.log" 2>&1 &
  EXTRA_PIDS+=($!)
  local clone=$!
  for _ in $(seq 1 1200); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/actuator/health/readiness")" == 200 ]] && {
      CLONE_URL="http://localhost:$port"; return 0; }
    kill -0 "$clone" 2>/dev/null || break
    sleep 0.1
  done
  tail -50 "$WORK/$label.log" >&2; log "$label did not start"; return 1
}

# The agents' accounts reach the auth-server as additional configuration, like the plis suppliers'. On the stack
# started here, a second catalogue-service instance and a second gateway balancing over both instances are started
# next to it (copies of the stack's processes), so that one run measures one instance and two side by side.
bench_orders() {
  need_packages python3 curl
  local jar; jar=$(bench_jar)
  local accounts="$WORK/agents.yml"
  java -jar "$jar" orders-accounts --members "$MEMBERS" --out "$accounts"
  [[ -z "$URL" ]] || log "Against --url: the auth-server must already know these accounts (bench/README.md)"
  use_stack_or_url --env "SPRING_CONFIG_ADDITIONAL_LOCATION=file:$accounts"
  local catalogue2=""
  if [[ -n "$STACK_DATA" ]]; then
    log "Starting a second catalogue-service instance and a gateway over both"
    clone_process catalogue-service catalogue-service-2
    catalogue2="$CLONE_URL"
    clone_process gateway gateway-2 "CENTRALE_ROUTES_CATALOGUE_URI=$SERVICE_URL,$catalogue2"
    URL2="$CLONE_URL"
    log "catalogue-service $SERVICE_URL and $catalogue2; gateway $URL (first only), gateway $URL2 (both)"
  fi
  local second=(); [[ -n "$URL2" ]] && second=(--gateway2 "$URL2")
  log "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  local instances=(); [[ -n "$STACK_DATA" ]] && instances=(--instances "$SERVICE_URL,$catalogue2")
  java -Xmx512m -jar "$jar" orders --gateway "$URL" ${second[@]+"${second[@]}"} --auth "$AUTH_URL" \
    --members "$MEMBERS" --target-s "$TARGET_S" --warmup-s "$WARMUP" --limit-s "$LIMIT_S" \
    ${instances[@]+"${instances[@]}"} --label orders
}

# ---- search ------------------------------------------------------------------------------------------------
# The suppliers' and agents' accounts reach the auth-server as additional configuration, like the plis and orders
# accounts. On the stack started here, catalogue-service keeps its index under the data dir (index-stack), so that
# its size can be read, and a copy of it started with an empty index (index-rebuild) times a rebuild from the store.
bench_search() {
  need_packages python3 curl
  local jar; jar=$(bench_jar)
  local accounts="$WORK/search-accounts.yml" state="$WORK/search-state.json"
  java -jar "$jar" search-accounts --suppliers "$SUPPLIERS" --agents "$MEMBERS" --out "$accounts"
  [[ -z "$URL" ]] || log "Against --url: the auth-server must already know these accounts (bench/README.md)"
  use_stack_or_url --env "SPRING_CONFIG_ADDITIONAL_LOCATION=file:$accounts" \
    --env "CENTRALE_RECHERCHE_REPERTOIRE=$WORK/data/recherche" --env CENTRALE_RECHERCHE_INSTANCE=stack
  log "Setup: $CONTRACTS contracts, $ITEMS items (load $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xmx512m -jar "$jar" search-setup --gateway "$URL" --service "$SERVICE_URL" --auth "$AUTH_URL" \
    --items "$ITEMS" --contracts "$CONTRACTS" --suppliers "$SUPPLIERS" --agents "$MEMBERS" --state "$state"
  local extra=()
  if [[ -n "$STACK_DATA" ]]; then
    echo "catalogue-service JVM options: $(tr '\0' '\n' <"/proc/$(stack_field catalogue-service 2)/cmdline" | grep '^-X' | tr '\n' ' ')"
    log "Rebuild: a copy of catalogue-service with an empty index"
    local t0 ready rebuild
    t0=$(date +%s%3N)
    CLONE_C2=1 clone_process catalogue-service catalogue-rebuild CENTRALE_RECHERCHE_INSTANCE=rebuild
    ready=$(date +%s%3N)
    local clone_pid="${EXTRA_PIDS[${#EXTRA_PIDS[@]}-1]}"
    rebuild=$(java -jar "$jar" search-wait --service "$CLONE_URL" --auth "$AUTH_URL" --state "$state" \
      --since-ms "$t0" --ready-ms "$ready" | tail -1) || rebuild=na
    extra=(--rebuild-s "$rebuild" --pid "$(stack_field catalogue-service 2)" --gateway-pid "$(stack_field gateway 2)"
      --index-dir "$WORK/data/recherche/index-stack")
    # The copy was started with the JIT's optimising compiler (C2), which the stack leaves out for its start-up: it is
    # measured as a third target, on its own index of the same store.
    [[ "$rebuild" != na ]] && extra+=(--c2-service "$CLONE_URL" --c2-pid "$clone_pid")
  fi
  log "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx512m -jar "$jar" search --gateway "$URL" --service "$SERVICE_URL" --auth "$AUTH_URL" --state "$state" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" ${extra[@]+"${extra[@]}"} --label search
}

# ---- startup -----------------------------------------------------------------------------------------------
bench_startup() {
  [[ -z "$URL" ]] || { echo "startup measures a start: it cannot use --url" >&2; exit 2; }
  # Build (if needed) and record the class data sharing archives outside the measured runs.
  log "Preparation run (builds if needed; records class data sharing archives when missing)"
  start_stack "$WORK/prep"; "$ROOT/stop.sh" --data-dir "$STACK_DATA" >/dev/null; STACK_DATA=""
  : >"$WORK/runs"
  for r in $(seq 1 "$RUNS"); do
    local data="$WORK/run$r" t0 t1
    t0=$(date +%s.%N)
    start_stack "$data"
    t1=$(date +%s.%N)
    sleep 5  # let start-up garbage be collected and the heaps shrink
    local total=0 line=""
    while read -r name pid _; do
      [[ "$name" == \#* ]] && continue
      local kb; kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      total=$((total + kb)); line="$line rss_${name//-/_}_mb=$((kb / 1024))"
    done <"$data/stack.processes"
    local up; up=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", b-a}')
    local launcher_up; launcher_up=$(grep -o 'is up in [0-9.]* s' "$data.out" | awk '{print $4}')
    echo "run $r: up in $up s (launcher: $launcher_up s), resident $((total / 1024)) MB:$line  [load $(cut -d' ' -f1-3 /proc/loadavg)]"
    echo "$up $((total / 1024))$line" >>"$WORK/runs"
    "$ROOT/stop.sh" --data-dir "$data" >/dev/null; STACK_DATA=""
  done
  local up rss; up=$(awk '{print $1}' "$WORK/runs" | median); rss=$(awk '{print $2}' "$WORK/runs" | median)
  local per=""
  for name in embedded_infra auth_server adhesion_service marche_service catalogue_service gateway; do
    per="$per rss_${name}_mb=$(grep -o "rss_${name}_mb=[0-9]*" "$WORK/runs" | cut -d= -f2 | median)"
  done
  echo "startup: up_s=$up rss_total_mb=$rss$per runs=$RUNS"
}

# ---- recensement -------------------------------------------------------------------------------------------
# The members' agents reach the auth-server as additional configuration, like the orders benchmark's. One recensement
# through the gateway, then one straight to adhesion-service: the same declarations side by side.
bench_recensement() {
  need_packages curl
  local jar; jar=$(bench_jar)
  local accounts="$WORK/agents.yml"
  java -jar "$jar" orders-accounts --members "$MEMBERS" --out "$accounts"
  [[ -z "$URL" ]] || log "Against --url: the auth-server must already know these accounts (bench/README.md)"
  use_stack_or_url --env "SPRING_CONFIG_ADDITIONAL_LOCATION=file:$accounts"
  log "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx512m -jar "$jar" recensement --gateway "$URL" --service "$ADHESION_URL" --auth "$AUTH_URL" \
    --members "$MEMBERS" --lots "$LOTS" --clients "$CLIENTS" --label recensement
}

# ---- feed -------------------------------------------------------------------------------------------------
# 100 000 events published on a public topic, journaled by diffusion-service; the whole feed read from the start
# through the gateway and straight to the service, then a follower reading live while 200 events/s are published.
bench_feed() {
  need_packages python3
  local jar; jar=$(bench_jar)
  use_stack_or_url
  [[ -n "$KAFKA" ]] || { log "--kafka HOST:PORT is needed with --url"; exit 2; }
  log "Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  local service=(); [[ -n "$DIFFUSION_URL" ]] && service=(--service "$DIFFUSION_URL")
  java -Xmx512m -jar "$jar" feed --gateway "$URL" ${service[@]+"${service[@]}"} --auth "$AUTH_URL" --kafka "$KAFKA" \
    --events "$EVENTS" --rate "$RATE" --live-s "$LIVE_S" --label feed
}

"bench_$NAME"
