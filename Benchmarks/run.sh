#!/usr/bin/env bash
# Builds the corpus generator and the benchmarks in release mode, generates a
# corpus of --scale N petitions in a temporary directory, runs the benchmarks
# on it (search-ingest, dedup, check, minhash; --benchmarks to choose), then
# writes the report from every results file there is:
#   Benchmarks/results-NAME-N.json      every figure of benchmark NAME at scale N (this run's are replaced)
#   Benchmarks/RESULTS.md               machine and date; NOTES.md (targets, what changed and why); each
#                                       benchmark's report at the largest scale it has results for
#                                       (petition-bench render); the growth of each figure over the scales
#   Benchmarks/growth.png               the growth plot (when Python has matplotlib)
#
# usage: Benchmarks/run.sh [--scale N] [--seed S] [--queries Q] [--checks C] [--benchmarks LIST]
#                          [--results DIR] [--report-only]
#   LIST is comma-separated, default search-ingest,dedup,check,minhash. --results DIR reads and writes
#   the JSON, report and plot there instead of Benchmarks/ (CI's smoke run uses a scratch directory).
#   --report-only runs nothing and rewrites the report from the results files.
# Set SCRATCH_PATH to build somewhere other than .build (swift build --scratch-path).
set -euo pipefail

scale=10000
seed=42
queries=100
checks=1000
benchmarks="search-ingest,dedup,check,minhash"
results=""
report_only=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --queries) queries="$2"; shift 2 ;;
        --checks) checks="$2"; shift 2 ;;
        --benchmarks) benchmarks="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        --report-only) report_only=1; shift ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done
all=(search-ingest dedup check minhash)
for name in ${benchmarks//,/ }; do
    [[ " ${all[*]} " == *" $name "* ]] || { echo "run.sh: unknown benchmark $name" >&2; exit 1; }
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
out="${results:-$here}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

echo "building petition-corpus and petition-bench (release)…" >&2
build=(swift build -c release)
if [[ -n "${SCRATCH_PATH:-}" ]]; then build+=(--scratch-path "$SCRATCH_PATH"); fi
"${build[@]}" --product petition-corpus >&2
"${build[@]}" --product petition-bench >&2
bin="$("${build[@]}" --show-bin-path)"

work="$(mktemp -d "${TMPDIR:-/tmp}/petition-bench-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [[ $report_only == 0 ]]; then
    echo "generating $scale petitions (seed $seed)…" >&2
    "$bin/petition-corpus" --petitions "$scale" --seed "$seed" --out "$work/corpus" >&2
    for name in "${all[@]}"; do
        [[ ",$benchmarks," == *",$name,"* ]] || continue
        short="$name"
        [[ "$name" == search-ingest ]] && short=search
        extra=()
        case "$name" in
            search-ingest) extra=(--queries "$queries" --tmp "$work") ;;
            # The database dedup built (every petition imported and deduplicated) is
            # kept for check, which would otherwise import the corpus once more.
            dedup) mkdir -p "$work/dedup"; extra=(--tmp "$work/dedup" --keep) ;;
            check)
                extra=(--checks "$checks" --tmp "$work")
                kept="$(ls "$work"/dedup/petition-bench-dedup*/dedup.sqlite 2>/dev/null | head -1 || true)"
                if [[ -n "$kept" ]]; then extra+=(--store "$kept"); fi ;;
        esac
        echo "running $name…" >&2
        "$bin/petition-bench" "$name" --corpus "$work/corpus" --out "$out/results-$short-$scale.json" "${extra[@]}" \
            > /dev/null
    done
fi

# The report, from the results files alone: a run by hand (petition-bench NAME --out
# results-NAME-N.json) is reported the same way as one made here.
memory_kb="$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null || echo 0)"
{
    echo "# petition-bench results"
    echo
    echo "- written: $(date -u +%Y-%m-%dT%H:%M:%SZ) by \`Benchmarks/run.sh\` from the \`results-*.json\` files; each section gives the date of its own run"
    echo "- machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)), $(awk -v kb="$memory_kb" 'BEGIN { printf "%.1f", kb / 1048576 }') GiB memory, $(uname -s) $(uname -r)"
    if [[ $report_only == 0 ]]; then
        echo "- last run: \`Benchmarks/run.sh --scale $scale --seed $seed --benchmarks $benchmarks\`"
    fi
    echo
    if [[ -f "$here/NOTES.md" && -z "$results" ]]; then
        cat "$here/NOTES.md"
        echo
    fi
    for short in search dedup check minhash; do
        largest="$(ls "$out" | sed -n "s/^results-$short-\([0-9]*\)\.json$/\1/p" | sort -n | tail -1)"
        [[ -n "$largest" ]] || continue
        echo "<!-- $short: petition-bench render results-$short-$largest.json -->"
        "$bin/petition-bench" render "$out/results-$short-$largest.json"
        echo
    done
    python3 "$here/growth.py" --results "$out" --plot "$out/growth.png" || echo "(growth.py failed; see above)"
} > "$work/RESULTS.md"
cp "$work/RESULTS.md" "$out/RESULTS.md"
echo "wrote $out/RESULTS.md" >&2
