#!/usr/bin/env python3
"""Growth of every benchmark figure over the scales that have results.

Reads results-NAME-N.json (NAME = search, dedup, check, minhash; N = number of
petitions) from --results, prints a Markdown section with one line per figure
and one column per scale, and, when matplotlib is importable, draws the same
figures against N on log-log axes into --plot (PNG). Standard library only
otherwise, so that the report never depends on the plot.

usage: growth.py [--results DIR] [--plot FILE.png]
"""

import argparse
import json
import os
import re
import sys

NAME = re.compile(r"^results-(search|dedup|check|minhash)-(\d+)\.json$")


def load(directory):
    """{benchmark: {scale: report}} for every results file of the plain form."""
    found = {}
    for entry in sorted(os.listdir(directory)):
        match = NAME.match(entry)
        if not match:
            continue
        with open(os.path.join(directory, entry), encoding="utf-8") as handle:
            found.setdefault(match.group(1), {})[int(match.group(2))] = json.load(handle)
    return found


def dig(report, *path):
    """A nested value, or None where the report lacks it (an older format)."""
    value = report
    for key in path:
        if isinstance(key, int):
            if not isinstance(value, list) or key >= len(value):
                return None
        elif not isinstance(value, dict) or key not in value:
            return None
        value = value[key]
    return value


def ingest(tokenizer, field, scale=1.0):
    def read(report):
        for row in report.get("ingest", []):
            if row.get("tokenizer") == tokenizer and row.get(field) is not None:
                return row[field] * scale
        return None
    return read


def query_class(name, engine, field, kind="top", scale=1.0):
    def read(report):
        for row in report.get("classes", []):
            if row.get("queryClass") == name:
                value = dig(row, kind, engine, field)
                return None if value is None else value * scale
        return None
    return read


def path(*keys, scale=1.0):
    def read(report):
        value = dig(report, *keys)
        return None if value is None else value * scale
    return read


def run_memory(run):
    def read(report):
        peak = dig(report, run, "peakResidentBytes")
        return None if peak is None else peak / 2**20
    return read


MS = 1000.0
# (group, figure, unit, benchmark, reader): a line of the table; groups become plot panels.
FIGURES = [
    ("ingest rows/s", "ours (petition_zh)", "rows/s", "search", ingest("petition_zh", "rowsPerSecond")),
    ("ingest rows/s", "trigram", "rows/s", "search", ingest("trigram", "rowsPerSecond")),
    ("ingest rows/s", "unicode61", "rows/s", "search", ingest("unicode61", "rowsPerSecond")),
    ("database size", "ours", "MB", "search", ingest("petition_zh", "databaseBytes", scale=1e-6)),
    ("database size", "trigram", "MB", "search", ingest("trigram", "databaseBytes", scale=1e-6)),
    ("search median, all queries", "ours top-20", "ms", "search", path("overall", "top", "ours", "median", scale=MS)),
    ("search median, all queries", "ours count", "ms", "search", path("overall", "count", "ours", "median", scale=MS)),
    ("search median, all queries", "trigram MATCH top-20 (no answer under 3 chars)", "ms", "search", path("overall", "top", "trigram", "median", scale=MS)),
    ("search median, all queries", "scan (instr)", "ms", "search", path("overall", "top", "scan", "median", scale=MS)),
    ("search median, 3-6 char terms", "ours top-20", "ms", "search", query_class("term_3_6", "ours", "median", scale=MS)),
    ("search median, 3-6 char terms", "trigram top-20", "ms", "search", query_class("term_3_6", "trigram", "median", scale=MS)),
    ("search median, 2-char words", "ours top-20", "ms", "search", query_class("two_char", "ours", "median", scale=MS)),
    ("search median, 2-char words", "scan (instr)", "ms", "search", query_class("two_char", "scan", "median", scale=MS)),
    ("intake check", "p50", "ms", "check", path("latency", "median", scale=MS)),
    ("intake check", "p99", "ms", "check", path("latency", "p99", scale=MS)),
    ("checks per second, 2 threads", "checks/s", "1/s", "check", path("checksPerSecondThreaded")),
    ("nightly job time", "dedup --full", "s", "dedup", path("fullRun100", "seconds")),
    ("nightly job time", "incremental, 1 % new", "s", "dedup", path("incrementalRun1", "seconds")),
    ("nightly job time", "MinHash-LSH pipeline", "s", "minhash", path("bestPipelineSeconds")),
    ("nightly job memory", "dedup --full peak RSS", "MiB", "dedup", run_memory("fullRun100")),
    ("nightly job memory", "incremental peak RSS", "MiB", "dedup", run_memory("incrementalRun1")),
    ("import with profiles", "rows/s", "rows/s", "dedup", path("importAll", "rowsPerSecond")),
    ("clustering F1", "ours", "F1", "dedup", path("quality", "f1")),
    ("clustering F1", "MinHash-LSH (best setting)", "F1", "minhash", path("best", "f1")),
]

# The targets at 1,000,000 petitions, drawn as dashed lines: (group, value, label).
TARGETS = [
    ("intake check", 20, "target p99 ≤ 20 ms"),
    ("nightly job time", 300, "target full ≤ 5 min"),
    ("nightly job time", 10, "target incremental ≤ 10 s"),
    ("nightly job memory", 1024, "target ≤ 1 GiB"),
]


def number(value, unit):
    if value is None:
        return "–"
    if unit == "F1":
        return f"{value:.3f}"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def table(found):
    scales = sorted({scale for reports in found.values() for scale in reports})
    lines = ["## Growth", "",
             "Each figure at every scale with results (`Benchmarks/growth.py`; – where that benchmark was not run",
             "at that scale). Memory is the process's peak RSS during the run.", ""]
    if not scales:
        return "\n".join(lines + ["No results yet.", ""]), scales
    lines.append("| figure | unit | " + " | ".join(f"{scale:,}" for scale in scales) + " |")
    lines.append("|---|---|" + "---|" * len(scales))
    for group, figure, unit, benchmark, reader in FIGURES:
        values = [reader(found[benchmark][scale]) if scale in found.get(benchmark, {}) else None for scale in scales]
        if all(value is None for value in values):
            continue
        lines.append(f"| {group}: {figure} | {unit} | " + " | ".join(number(v, unit) for v in values) + " |")
    lines.append("")
    return "\n".join(lines), scales


def plot(found, scales, target):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "(no plot: matplotlib is not installed; `pip install matplotlib`)"
    groups = []
    for group, *_ in FIGURES:
        if group not in groups:
            groups.append(group)
    columns = 3
    rows = (len(groups) + columns - 1) // columns
    figure, axes = plt.subplots(rows, columns, figsize=(5 * columns, 3.6 * rows))
    drawn = 0
    for axis, group in zip(axes.flat, groups):
        for name, figure_name, unit, benchmark, reader in FIGURES:
            if name != group:
                continue
            points = [(scale, reader(found[benchmark][scale])) for scale in scales if scale in found.get(benchmark, {})]
            points = [(x, y) for x, y in points if y is not None]
            if points:
                axis.plot([x for x, _ in points], [y for _, y in points], marker="o", label=figure_name)
                axis.set_ylabel(unit)
        for target_group, value, label in TARGETS:
            if target_group == group:
                axis.axhline(value, linestyle="--", linewidth=0.8, color="grey")
                axis.annotate(label, (0.02, value), xycoords=("axes fraction", "data"), fontsize=7, color="grey",
                              va="bottom")
        axis.set_title(group, fontsize=10)
        axis.set_xscale("log")
        if "F1" not in group:
            axis.set_yscale("log")
        axis.set_xlabel("petitions")
        axis.grid(True, which="both", alpha=0.3)
        if axis.lines:
            axis.legend(fontsize=7)
            drawn += 1
    for axis in list(axes.flat)[len(groups):]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(target, dpi=90)
    return f"![growth]({os.path.basename(target)})" if drawn else ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", default=os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--plot", default=None, help="PNG to draw (default: none)")
    arguments = parser.parse_args()
    found = load(arguments.results)
    text, scales = table(found)
    print(text)
    if arguments.plot and scales:
        print(plot(found, scales, arguments.plot))
        print()


if __name__ == "__main__":
    sys.exit(main())
