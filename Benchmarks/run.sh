#!/usr/bin/env bash
# Builds the corpus generator and the benchmarks in release mode, generates a
# corpus of --scale N petitions in a temporary directory, runs
# `petition-bench search-ingest` on it and writes
#   Benchmarks/RESULTS.md               the Markdown report (machine, date, tables)
#   Benchmarks/results-search-N.json    every figure, per query
#
# usage: Benchmarks/run.sh [--scale N] [--seed S] [--queries Q]
# Set SCRATCH_PATH to build somewhere other than .build (swift build --scratch-path).
set -euo pipefail

scale=10000
seed=42
queries=100
while [[ $# -gt 0 ]]; do
    case "$1" in
        --scale) scale="$2"; shift 2 ;;
        --seed) seed="$2"; shift 2 ;;
        --queries) queries="$2"; shift 2 ;;
        -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 1 ;;
    esac
done

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

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

json="$here/results-search-$scale.json"
"$bin/petition-bench" search-ingest --corpus "$work/corpus" --out "$json" --queries "$queries" \
    --tmp "$work" > "$work/report.md"

{
    echo "<!-- written by Benchmarks/run.sh --scale $scale; figures in results-search-$scale.json -->"
    cat "$work/report.md"
} > "$here/RESULTS.md"
cat "$here/RESULTS.md"
echo "wrote $here/RESULTS.md and $json" >&2
