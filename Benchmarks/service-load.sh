#!/usr/bin/env bash
# The service under load (issue 11's goals): builds a database of --scale
# petitions, starts `petition serve` on it, and for --seconds runs 16 keep-alive
# connections of checks, saves and searches (petition-bench serve-load) while,
# beside them, an import of 1 % more petitions writes (a `petition import`
# process) and then the nightly job runs inside the service on them
# (POST /v1/dedup?wait=true). It also times the dashboard: its first count after
# the start and the views after. Everything lands in
# Benchmarks/results-service-N.json and a Markdown report on standard output.
#
# usage: Benchmarks/service-load.sh [--scale N] [--seconds S] [--connections C] [--db PATH] [--results DIR]
#   --db PATH   build the database there and keep it, or reuse it when it exists (the corpus is generated
#               again, same seed; the saves and arrivals of an earlier load stay in it)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

scale=200000 seconds=60 connections=16 db="" results=Benchmarks seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --connections) connections="$2"; shift 2 ;;
    --db) db="$2"; shift 2 ;;
    --results) results="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
done

for product in petition petition-corpus petition-bench; do
  swift build -c release --product "$product" >&2
done
bin=.build/release
scratch="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$scratch"
}
trap cleanup EXIT

# The corpus and 1 % more: the last lines (the latest petitions) arrive during the load.
extra=$((scale / 100))
"$bin/petition-corpus" --petitions $((scale + extra)) --seed "$seed" --out "$scratch/corpus" >&2
head -n "$scale" "$scratch/corpus/petitions.jsonl" > "$scratch/base.jsonl"
# Under ids of their own, so that a reused database takes them as new petitions too.
tail -n "$extra" "$scratch/corpus/petitions.jsonl" | python3 -c '
import json, sys, time
suffix = "-A%d" % time.time()
for line in sys.stdin:
    record = json.loads(line)
    record["id"] += suffix
    print(json.dumps(record, ensure_ascii=False))' > "$scratch/arrivals.jsonl"

if [ -z "$db" ]; then db="$scratch/service.db"; fi
if [ ! -e "$db" ]; then
  echo "importing $scale petitions and running the nightly job" >&2
  "$bin/petition" import --db "$db" "$scratch/base.jsonl" >&2
  "$bin/petition" import --db "$db" --backlog "$scratch/corpus/backlog.jsonl" >&2
  "$bin/petition" dedup --db "$db" --full >&2
fi
token=$("$bin/petition" token add --db "$db" --operator 压测 --role admin --json 2>/dev/null \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
# One token drives every connection: the per-operator limits (requests a
# second, distinct identifiers a day) are lifted, so that what is measured
# is the service's capacity, not its limits.
"$bin/petition" serve --db "$db" --port "$port" --requests-per-second 1000000 \
    --check-identifiers-per-day 100000000 > "$scratch/serve.out" 2> "$scratch/serve.log" &
server_pid=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
auth="Authorization: Bearer $token"

# The dashboard: the first answer waits for the count the service starts with; later views read it counted.
dashboard_first=$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "http://127.0.0.1:$port/v1/dashboard")
dashboard_views=()
for _ in $(seq 1 20); do
  dashboard_views+=("$(curl -s -o /dev/null -w '%{time_total}' -H "$auth" "http://127.0.0.1:$port/")")
done

# The load, and beside it the writers: an import of the arrivals, then the nightly job in the service.
"$bin/petition-bench" serve-load --port "$port" --token "$token" --corpus "$scratch/corpus" \
  --connections "$connections" --seconds "$seconds" --label "$scale petitions" \
  --out "$scratch/load.json" > "$scratch/load.md" &
load_pid=$!
sleep 5
import_started=$(date +%s.%N)
"$bin/petition" import --db "$db" "$scratch/arrivals.jsonl" > /dev/null 2>&1
import_seconds=$(python3 -c "import sys; print(float(sys.argv[2]) - float(sys.argv[1]))" "$import_started" "$(date +%s.%N)")
curl -s -X POST -H "$auth" "http://127.0.0.1:$port/v1/dedup?wait=true" > "$scratch/dedup.json"
wait "$load_pid"
rss_kb=$(grep VmHWM "/proc/$server_pid/status" | awk '{print $2}')
kill -TERM "$server_pid"; wait "$server_pid" || true; server_pid=""

mkdir -p "$results"
python3 - "$scratch" "$results/results-service-$scale.json" "$scale" "$extra" "$import_seconds" "$dashboard_first" \
  "$rss_kb" "${dashboard_views[@]}" <<'PY'
import json, statistics, sys
scratch, out, scale, extra, import_seconds, dashboard_first, rss_kb, *views = sys.argv[1:]
load = json.load(open(f"{scratch}/load.json"))
dedup = json.load(open(f"{scratch}/dedup.json"))
views = sorted(float(v) for v in views)
report = {
    "benchmark": "service", "scale": int(scale), "load": load,
    "writers": {"imported": int(extra), "import_seconds": float(import_seconds),
                "dedup_in_service": dedup},
    "dashboard": {"first_count_seconds": float(dashboard_first), "view_median_seconds": statistics.median(views),
                  "view_max_seconds": views[-1]},
    "server_peak_rss_mb": int(rss_kb) / 1024,
}
json.dump(report, open(out, "w"), indent=2, ensure_ascii=False, sort_keys=True)
PY
cat "$scratch/load.md"
python3 - "$results/results-service-$scale.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
d = r["writers"]["dedup_in_service"]
print(f"Writers during the load: import of {r['writers']['imported']} petitions {r['writers']['import_seconds']:.1f} s; "
      f"nightly job in the service: {d.get('scored')} scored, {d.get('repeats')} repeats, {d.get('seconds', float('nan')):.1f} s"
      f"{'' if 'seconds' in d else ' — ' + json.dumps(d, ensure_ascii=False)}")
print(f"Dashboard: first count {r['dashboard']['first_count_seconds']:.2f} s; views median "
      f"{r['dashboard']['view_median_seconds']*1000:.0f} ms, max {r['dashboard']['view_max_seconds']*1000:.0f} ms")
print(f"Server peak RSS {r['server_peak_rss_mb']:.0f} MB")
PY
