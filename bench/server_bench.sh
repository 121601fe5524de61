#!/usr/bin/env bash
# HTTP benchmark of `peermap serve` (issue 4, item 10): wrk against a running server holding a
# map of 200 people, on SQLite and on PostgreSQL, at 16 and 64 connections, for
#   - GET  /api/maps/{id}          the map's JSON (about 200 KB);
#   - GET  /api/maps/{id}/map.svg  the map drawn;
#   - PATCH /api/maps/{id}         an RFC 6902 edit with If-Match (each in-flight PATCH on its own
#                                  map: bench/wrk/patch.lua).
# It prints requests/s and latency (p50, p99) as a table and writes it, with the date and the
# machine, to docs/benchmarks-server.md. Target (issue 4, "Done when"): on SQLite at 64
# connections, GET map JSON p99 <= 20 ms and PATCH p99 <= 50 ms.
#
#   bench/server_bench.sh                       # everything (about 3 minutes)
#   bench/server_bench.sh --backends sqlite --duration 5s --connections 64 --no-doc
#
# Options:
#   --peermap FILE       the server binary (default build/release/peermap; built if missing)
#   --backends LIST      "sqlite postgresql" (default both)
#   --connections LIST   "16 64" (default)
#   --duration D         wrk -d (default 10s); each run has a 2 s warm-up first
#   --threads N          wrk -t (default 2)
#   --maps N             maps made for the PATCH runs (default 256)
#   --out FILE           the report (default docs/benchmarks-server.md)
#   --no-doc             print the table only
#   --access-log         run the server without --quiet; its log (one line a request with the
#                        time taken) is kept in the work directory, for profiling
#   --keep               keep the work directory (databases, wrk output, server logs)
#   --quiet-wait S       before each run, wait up to S seconds (default 120) for the rest of
#                        the machine to be idle; the load seen anyway is reported in the notes
#   --server-prefix CMD  words put before the server's command line, for experiments; CMD must
#                        exec the server (e.g. "env LD_PRELOAD=lib.so", "taskset -c 1"), since
#                        its CPU time is read from the process started
#
# PostgreSQL: the server named by PEERMAP_TEST_PG_URL, else the test cluster of
# scripts/test-postgres.sh (started if it is not running, and then stopped at the end). Each run
# uses a database of its own (CREATE DATABASE), dropped at the end.
#
# A run is reported invalid (and the script exits 1) when its answers that are not 200 and
# wrk's socket errors together pass 1% of the answers. The latency wrk measures includes wrk
# itself, which shares the machine's CPUs with the server.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
peermap=$root/build/release/peermap
backends="sqlite postgresql"
connections="16 64"
duration=10s
wrk_threads=2
map_count=128
out=$root/docs/benchmarks-server.md
write_doc=1
access_log=0
keep=0
quiet_wait=120
server_prefix=""

while [[ $# -gt 0 ]]; do
  case $1 in
    --peermap) peermap=$(realpath "$2"); shift 2 ;;
    --backends) backends=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) wrk_threads=$2; shift 2 ;;
    --maps) map_count=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --no-doc) write_doc=0; shift ;;
    --access-log) access_log=1; shift ;;
    --keep) keep=1; shift ;;
    --quiet-wait) quiet_wait=$2; shift 2 ;;
    --server-prefix) server_prefix=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "server_bench: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

say() { echo "server_bench: $*" >&2; }
die() { say "$*"; exit 1; }

command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
command -v python3 >/dev/null || die "python3 is not installed"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is not installed (apt-get install time)"
if [[ ! -x $peermap ]]; then
  say "building $peermap"
  cmake --build "$root/build/release" -j "$(nproc)" --target peermap >&2
fi

work=$(mktemp -d /tmp/peermap-bench.XXXXXX)
server_pid=""
pg_started=0
pg_admin=""
pg_databases=()

cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  for db in "${pg_databases[@]}"; do
    psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  done
  if [[ $pg_started -eq 1 ]]; then "$root/scripts/test-postgres.sh" stop >/dev/null 2>&1 || true; fi
  if [[ $keep -eq 1 ]]; then say "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

psql_bin=/usr/lib/postgresql/15/bin/psql
[[ -x $psql_bin ]] || psql_bin=$(command -v psql || true)
psql_admin() { "$psql_bin" -X -q -v ON_ERROR_STOP=1 -d "$pg_admin" "$@"; }

# ----- the 200-person map --------------------------------------------------------------------
# examples/thematic.json (151 people) plus 49 more children, each in a school-year group with a
# friendship tie to the previous new child and one to an existing peer, every ten ties resting
# on one information item; deterministic (fixed seed).
python3 "$root/bench/map200.py" "$root/examples/thematic.json" "$work/map200.json" 200
"$peermap" validate "$work/map200.json" >"$work/validate.log" 2>&1 ||
  { cat "$work/validate.log" >&2; die "the generated map does not validate"; }
map_people=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["people"]))' "$work/map200.json")
map_bytes=$(stat -c %s "$work/map200.json")
say "map: $map_people people, $map_bytes bytes (validates)"

# ----- a small HTTP helper (login, creating maps, reading heads) -----------------------------
cat >"$work/client.py" <<'PY'
import http.client, json, re, sys
port, command = int(sys.argv[1]), sys.argv[2]
c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
def call(method, path, body=None, headers=None):
    c.request(method, path, body=body, headers=headers or {})
    r = c.getresponse()
    return r.status, r.getheader("Set-Cookie", ""), r.read()
if command == "login":  # login USER (password on stdin) -> "COOKIE CSRF"
    password = sys.stdin.readline().rstrip("\n")
    status, cookie, data = call("POST", "/api/session",
                                json.dumps({"username": sys.argv[3], "password": password}),
                                {"Content-Type": "application/json"})
    if status != 200:
        sys.exit(f"login: {status} {data[:200]!r}")
    print(re.search(r"peermap_session=([^;]+)", cookie).group(1), json.loads(data)["csrf_token"])
elif command == "create":  # create COOKIE CSRF FILE N -> N lines "ID 1"
    session, csrf, document, n = sys.argv[3], sys.argv[4], open(sys.argv[5], "rb").read(), int(sys.argv[6])
    for _ in range(n):
        status, _, data = call("POST", "/api/maps", document,
                               {"Cookie": f"peermap_session={session}", "X-CSRF-Token": csrf,
                                "Content-Type": "application/json"})
        if status != 201:
            sys.exit(f"create: {status} {data[:300]!r}")
        print(json.loads(data)["id"], 1)
elif command == "heads":  # heads COOKIE < "ID REV" lines -> the same ids with their heads now
    status, _, data = call("GET", "/api/maps", None, {"Cookie": f"peermap_session={sys.argv[3]}"})
    if status != 200:
        sys.exit(f"heads: {status} {data[:200]!r}")
    heads = {m["id"]: m["revision"] for m in json.loads(data)["maps"]}
    for line in sys.stdin:
        if line.split():
            print(line.split()[0], heads[line.split()[0]])
PY

# ----- running and reading wrk ---------------------------------------------------------------
# wrk's latency figures ("812.00us", "12.34ms", "1.20s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n *= 60000;
    else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

ticks_per_second=$(getconf CLK_TCK)
cpus=$(nproc)
# CPU time (clock ticks) used by the whole machine, and by one process with all its threads.
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9; exit}' /proc/stat; }
process_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
# TCP connections dropped because the server's accept queue (listen backlog) was full.
listen_overflows() {
  awk '/^TcpExt:/ { if (!n) { for (i = 2; i <= NF; i++) k[i] = $i; n = 1 } else {
         for (i = 2; i <= NF; i++) if (k[i] == "ListenOverflows") print $i } }' /proc/net/netstat
}

# Waits until the server has finished what an earlier run left in flight (wrk stops at the
# deadline, the server does not), then until the rest of the machine is quiet: the load
# generator and the server share the CPUs, and anything else running skews the latencies.
settle() {
  local before after busy0 busy1 waited=0
  for _ in $(seq 120); do
    before=$(process_ticks "$server_pid")
    sleep 0.5
    after=$(process_ticks "$server_pid")
    ((after - before <= 1)) && break
  done
  while ((waited < quiet_wait)); do
    busy0=$(machine_busy)
    sleep 1
    busy1=$(machine_busy)
    # Below 10% of one CPU in use: quiet.
    if (((busy1 - busy0) * 10 < ticks_per_second)); then return 0; fi
    if ((waited == 0)); then say "  waiting for the machine to be quiet (up to ${quiet_wait}s)"; fi
    waited=$((waited + 1))
  done
  say "  the machine is still busy; measuring anyway (see 'other load' in the notes)"
}

results=$work/results.tsv
: >"$results"
invalid=0

# run_wrk BACKEND CONNECTIONS NAME URL SCRIPT [ARGS...]: a warm-up, then the measured run.
run_wrk() {
  local backend=$1 conns=$2 name=$3 url=$4 script=$5
  shift 5
  local slug=${name// /-}
  local raw=$work/wrk-$backend-$slug-c$conns.txt times=$work/time-$backend-$slug-c$conns.txt
  settle
  wrk -t"$wrk_threads" -c"$conns" -d2s --timeout 30s -s "$script" "$url" ${1:+--} "$@" >/dev/null 2>&1 || true
  if [[ $name == PATCH ]]; then refresh_heads; fi  # the warm-up moved the heads
  settle
  say "$backend: $name at $conns connections for $duration"
  local server0 busy0 overflow0 start end
  server0=$(process_ticks "$server_pid")
  busy0=$(machine_busy)
  overflow0=$(listen_overflows)
  start=$(date +%s.%N)
  /usr/bin/time -f '%U %S' -o "$times" \
    wrk -t"$wrk_threads" -c"$conns" -d"$duration" --timeout 30s --latency -s "$script" "$url" \
    ${1:+--} "$@" >"$raw" 2>&1 || { cat "$raw" >&2; die "wrk failed"; }
  end=$(date +%s.%N)
  local server_ticks=$(($(process_ticks "$server_pid") - server0))
  local busy_ticks=$(($(machine_busy) - busy0))
  local overflows=$(($(listen_overflows) - overflow0))
  local wrk_seconds
  wrk_seconds=$(awk '{print $1 + $2}' "$times")

  local rps p50 p99 ok total socket_errors starved
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$raw")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$raw")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$raw")")
  ok=$(awk '/^peermap-wrk: status 200:/ {print $4}' "$raw")
  ok=${ok:-0}
  total=$(awk '/^peermap-wrk: status / {n += $4} END {print n + 0}' "$raw")
  socket_errors=$(awk '/Socket errors:/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' "$raw")
  socket_errors=${socket_errors:-0}
  starved=$(awk '/^peermap-wrk: starved/ {print $3}' "$raw")
  local non2xx=0
  if ! grep -q '^peermap-wrk: status ' "$raw"; then
    # A script without response() (get.lua): wrk's own counts.
    total=$(awk '/ requests in / {print $1; exit}' "$raw")
    total=${total:-0}
    non2xx=$(awk '/Non-2xx or 3xx responses:/ {print $5}' "$raw")
    non2xx=${non2xx:-0}
    ok=$((total - non2xx))
  fi
  # Server CPU per answer, and the share of the machine used by neither wrk nor the server.
  local cpu_ms other
  cpu_ms=$(awk -v t="$server_ticks" -v hz="$ticks_per_second" -v n="$total" \
    'BEGIN { if (n > 0) printf "%.2f", t * 1000 / hz / n; else print "-" }')
  other=$(awk -v busy="$busy_ticks" -v srv="$server_ticks" -v w="$wrk_seconds" -v hz="$ticks_per_second" \
    -v s="$start" -v e="$end" -v cpus="$cpus" \
    'BEGIN { o = (busy / hz - srv / hz - w) / ((e - s) * cpus) * 100; if (o < 0) o = 0; printf "%.0f", o }')

  local other_answers=$((total - ok)) note=""
  if [[ $non2xx -gt 0 ]]; then
    note="non-2xx x$non2xx"
  elif [[ $other_answers -gt 0 ]]; then
    note=$(awk '/^peermap-wrk: status / && $3 != "200:" {sub(":", "", $3); printf "%s%s x%s", s, $3, $4; s = ", "}' "$raw")
  fi
  if [[ $socket_errors -gt 0 ]]; then note="${note:+$note; }$socket_errors socket errors"; fi
  if [[ ${starved:-0} -gt 0 ]]; then note="${note:+$note; }$starved sent without an idle map"; fi
  if [[ $overflows -gt 0 ]]; then note="${note:+$note; }$overflows listen-queue overflows"; fi
  if [[ $other -ge 5 ]]; then note="${note:+$note; }other load ${other}% of the CPUs"; fi
  if [[ $total -eq 0 ]] || (((other_answers + socket_errors) * 100 > total)); then
    note="INVALID: ${note:-no answers}"
    invalid=1
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$backend" "$conns" "$name" "$rps" "$p50" "$p99" \
    "$total" "$cpu_ms" "${note:--}" >>"$results"
  say "  $rps req/s, p50 $p50 ms, p99 $p99 ms, $total answers, server CPU $cpu_ms ms each${note:+ ($note)}"
}

refresh_heads() {
  python3 "$work/client.py" "$port" heads "$session" <"$work/maps-$backend.txt" >"$work/maps.tmp"
  mv "$work/maps.tmp" "$work/maps-$backend.txt"
}

start_server() {
  local log=$work/server-$backend.log quiet=--quiet
  [[ $access_log -eq 1 ]] && quiet=""
  $server_prefix "$peermap" serve --db "$db_url" --listen 127.0.0.1:0 $quiet >"$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 200); do
    port=$(sed -n 's#^peermap: serving http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$log" | head -1)
    [[ -n $port ]] && return 0
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; die "peermap serve exited"; }
    sleep 0.05
  done
  die "peermap serve did not start"
}

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

password="harbour walnut lantern $RANDOM$RANDOM"
for backend in $backends; do
  case $backend in
    sqlite)
      db_url=sqlite:$work/sqlite/peermap.db
      mkdir -p "$work/sqlite"
      ;;
    postgresql)
      [[ -n $psql_bin ]] || die "psql is not installed"
      if [[ -z ${PEERMAP_TEST_PG_URL:-} ]]; then
        pg_url=$("$root/scripts/test-postgres.sh" url)
        if ! "$psql_bin" -X -q -d "$pg_url" -c 'SELECT 1' >/dev/null 2>&1; then
          say "starting the test PostgreSQL server (scripts/test-postgres.sh)"
          eval "$("$root/scripts/test-postgres.sh" start)"
          pg_started=1
        fi
        PEERMAP_TEST_PG_URL=$pg_url
      fi
      pg_admin=$PEERMAP_TEST_PG_URL
      database=peermap_bench_$$_$RANDOM
      psql_admin -c "CREATE DATABASE $database" >/dev/null
      pg_databases+=("$database")
      db_url=${pg_admin%/*}/$database
      ;;
    *) die "unknown backend $backend (sqlite, postgresql)" ;;
  esac
  printf '%s\n' "$password" | "$peermap" user add --db "$db_url" --username bench --team Bench \
    --role practitioner >/dev/null
  start_server
  say "$backend: serving on port $port"
  login=$(printf '%s\n' "$password" | python3 "$work/client.py" "$port" login bench) || die "login failed"
  read -r session csrf <<<"$login"
  say "$backend: making $((map_count + 1)) maps of $map_people people"
  python3 "$work/client.py" "$port" create "$session" "$csrf" "$work/map200.json" 1 >"$work/read-map-$backend.txt"
  read -r read_map _ <"$work/read-map-$backend.txt"
  python3 "$work/client.py" "$port" create "$session" "$csrf" "$work/map200.json" "$map_count" >"$work/maps-$backend.txt"
  export PEERMAP_SESSION=$session PEERMAP_CSRF=$csrf
  base=http://127.0.0.1:$port
  for conns in $connections; do
    run_wrk "$backend" "$conns" "GET map JSON" "$base/api/maps/$read_map" "$root/bench/wrk/get.lua"
    run_wrk "$backend" "$conns" "PATCH" "$base" "$root/bench/wrk/patch.lua" "$work/maps-$backend.txt" "$wrk_threads"
    run_wrk "$backend" "$conns" "GET map.svg" "$base/api/maps/$read_map/map.svg" "$root/bench/wrk/get.lua"
  done
  stop_server
done

# ----- the table -----------------------------------------------------------------------------
table=$(awk -F'\t' 'BEGIN {
    print "| backend | connections | request | requests/s | p50 ms | p99 ms | answers | server CPU ms/answer | notes |"
    print "|---|---:|---|---:|---:|---:|---:|---:|---|" }
  { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6, $7, $8, $9 }' "$results")

verdict() {  # verdict NAME LIMIT_MS -> "met (p99 X ms)" or "missed (...)" or "not measured"
  awk -F'\t' -v name="$1" -v limit="$2" '
    $1 == "sqlite" && $2 == "64" && $3 == name { found = 1; p = $6; bad = ($9 ~ /^INVALID/) }
    END {
      if (!found) { print "not measured"; exit }
      if (bad) { print "invalid run"; exit }
      printf "%s (p99 %s ms, target <= %s ms)", (p + 0 <= limit + 0 ? "met" : "MISSED"), p, limit }' "$results"
}
get_verdict=$(verdict "GET map JSON" 20)
patch_verdict=$(verdict "PATCH" 50)

echo
echo "$table"
echo
echo "Target, SQLite at 64 connections: GET map JSON $get_verdict; PATCH $patch_verdict"

if [[ $write_doc -eq 1 ]]; then
  cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
  memory=$(awk '/^MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
  filesystem=$(df -T "$work" | awk 'NR == 2 {print $2 " on " $1}')
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [[ -n $(git -C "$root" status --porcelain 2>/dev/null) ]]; then commit="$commit (with uncommitted changes)"; fi
  # A hand-written "## Analysis" section at the end of an earlier report is kept.
  analysis=""
  if [[ -f $out ]] && grep -q '^## Analysis' "$out"; then
    analysis=$(sed -n '/^## Analysis/,$p' "$out")
  fi
  cat >"$out" <<EOF
# Server benchmarks

Written by \`bench/server_bench.sh\` (issue 4, item 10); run it again to refresh this page.

- Date: $(date -u '+%Y-%m-%d %H:%M UTC')
- Machine: $(uname -srm); $cpu, $(nproc) CPUs, $memory; database files on $filesystem
- Build: \`${peermap#"$root"/}\` (built $(date -u -r "$peermap" '+%Y-%m-%d %H:%M UTC')), commit $commit
- PostgreSQL: $("$psql_bin" --version 2>/dev/null | awk '{print $3}' || echo unknown) at ${pg_admin:-(not run)}, on the same machine
  (\`scripts/test-postgres.sh\`: fsync on)
- Load: \`wrk -t$wrk_threads -c{${connections// /,}} -d$duration --latency\` (wrk $(wrk --version 2>&1 | awk 'NR == 1 {print $2}')),
  after a 2 s warm-up, on the same machine as the server (wrk's own CPU use is part of
  the latency)

## What is measured

One user logged in; the map has $map_people people ($map_bytes bytes of JSON: examples/thematic.json
plus 49 generated children and their ties).

- **GET map JSON**: \`GET /api/maps/{id}\`, the newest revision's document. Every read writes an
  audit row, so this is a durable write as well as a read.
- **GET map.svg**: \`GET /api/maps/{id}/map.svg\`: layout and drawing of all $map_people people.
- **PATCH**: \`PATCH /api/maps/{id}\`, a JSON Patch replacing \`/map/purpose\`, with \`If-Match\`.
  Each PATCH validates the whole document and stores a new revision. Concurrent PATCHes of one
  map would conflict (412), so \`bench/wrk/patch.lua\` spreads them over $map_count maps: at
  most one request in flight per map, each sent with its map's current ETag.

Latencies are wrk's (uncorrected for coordinated omission; wrk's timeout raised to 30 s so
slow answers are measured, not dropped). "answers" counts the responses; any that were not 200
are listed under notes with wrk's socket errors, and a run where these pass 1% of the answers
is marked INVALID. "server CPU ms/answer" is the server process's CPU time (all threads, from
/proc) divided by the answers. Notes also name TCP connections the kernel dropped because the
server's listen queue was full ("listen-queue overflows": each costs that connection a SYN or
data retransmission, 1 s or more), and the share of the CPUs that something other than wrk and
the server used during the run ("other load"), when 5% or more. wrk keeps every connection
busy (a closed loop), so the mean latency is connections / (requests/s): at 64 connections a
p99 of 20 ms needs well over 3,200 requests/s, and a p99 of 50 ms well over 1,280.

## Results

$table

## Targets (issue 4, "Done when")

On SQLite at 64 connections:

- GET map JSON p99 <= 20 ms: $get_verdict
- PATCH p99 <= 50 ms: $patch_verdict
EOF
  if [[ -n $analysis ]]; then printf '\n%s\n' "$analysis" >>"$out"; fi
  say "wrote $out"
fi
if [[ $invalid -eq 1 ]]; then die "some runs were invalid (see the notes)"; fi
