#!/usr/bin/env bash
# Builds the corpus generator and the benchmarks in release mode, generates a
# corpus of --scale N petitions in a temporary directory, runs the benchmarks
# on it (search-ingest, dedup, check, minhash; --benchmarks to choose) and writes
#   Benchmarks/RESULTS.md               one report: machine, date, then a section per benchmark,
#                                       then the growth of each figure over the scales run so far
#   Benchmarks/results-NAME-N.json      every figure of benchmark NAME at scale N
#   Benchmarks/growth.png               the growth plot (when Python has matplotlib)
#
# usage: Benchmarks/run.sh [--scale N] [--seed S] [--queries Q] [--checks C] [--benchmarks LIST] [--results DIR]
#   LIST is comma-separated, default search-ingest,dedup,check,minhash. Sections of benchmarks not
#   run this time are kept from the previous RESULTS.md. --results DIR writes the report, JSON and
#   plot there instead of Benchmarks/ (CI's smoke run uses a scratch directory).
# Set SCRATCH_PATH to build somewhere other than .build (swift build --scratch-path).
set -euo pipefail

scale=10000
seed=42
queries=100
checks=1000
benchmarks="search-ingest,dedup,check,minhash"
results=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --queries) queries="$2"; shift 2 ;;
        --checks) checks="$2"; shift 2 ;;
        --benchmarks) benchmarks="$2"; shift 2 ;;
        --results) results="$2"; shift 2 ;;
        -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
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

echo "generating $scale petitions (seed $seed)…" >&2
"$bin/petition-corpus" --petitions "$scale" --seed "$seed" --out "$work/corpus" >&2

for name in "${all[@]}"; do
    [[ ",$benchmarks," == *",$name,"* ]] || continue
    short="$name"
    [[ "$name" == search-ingest ]] && short=search
    json="$out/results-$short-$scale.json"
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
    "$bin/petition-bench" "$name" --corpus "$work/corpus" --out "$json" "${extra[@]}" > "$work/$name.md"
    {
        echo "<!-- section $name: Benchmarks/run.sh --scale $scale --seed $seed; figures in results-$short-$scale.json -->"
        cat "$work/$name.md"
    } > "$work/section-$name.md"
done

# Sections not run now are kept from the previous report (between their markers).
previous="$out/RESULTS.md"
if [[ -f "$previous" ]]; then
    for name in "${all[@]}"; do
        [[ -f "$work/section-$name.md" ]] && continue
        awk -v name="$name" '
            /^<!-- section / { keep = ($3 == name ":") }
            /^<!-- growth / { keep = 0 }
            /^<!-- written by Benchmarks\/run.sh/ { keep = (name == "search-ingest") ; if (keep) { sub(/written by/, "section search-ingest: written by") } }
            keep { print }
        ' "$previous" > "$work/section-$name.md"
        [[ -s "$work/section-$name.md" ]] || rm -f "$work/section-$name.md"
    done
fi

memory_kb="$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo 2>/dev/null || echo 0)"
{
    echo "# petition-bench results"
    echo
    echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ) (this header; each section gives the date of its own run)"
    echo "- machine: $(nproc) cores ($(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo unknown)), $(awk -v kb="$memory_kb" 'BEGIN { printf "%.1f", kb / 1048576 }') GiB memory, $(uname -s) $(uname -r)"
    echo "- last run: \`Benchmarks/run.sh --scale $scale --seed $seed --benchmarks $benchmarks\`"
    echo
    for name in "${all[@]}"; do
        if [[ -f "$work/section-$name.md" ]]; then
            cat "$work/section-$name.md"
            echo
        fi
    done
    # Each figure at every scale with results in $out: a line per figure, and the plot.
    echo "<!-- growth: Benchmarks/growth.py over results-*-N.json -->"
    python3 "$here/growth.py" --results "$out" --plot "$out/growth.png" || echo "(growth.py failed; see above)"
} > "$work/RESULTS.md"
cp "$work/RESULTS.md" "$previous"
cat "$previous"
echo "wrote $previous and $out/results-*-$scale.json" >&2
