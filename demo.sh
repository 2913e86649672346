#!/usr/bin/env bash
# One command on a fresh Debian machine: installs the system libraries that are
# missing, builds the tool, imports the bundled corpus into petitions.db (or
# $PETITION_DB), runs the nightly dedup job with its report, and searches.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
for package in libsqlite3-dev libicu-dev; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update && $sudo apt-get install -y "${missing[@]}"
fi
export PATH="/opt/swift/usr/bin:$PATH"

swift build -c release --product petition
# The tool, installed beside the project: put bin/ on PATH to call it as `petition`.
install -D -m 755 .build/release/petition bin/petition
petition=bin/petition
export PETITION_DB="${PETITION_DB:-petitions.db}"

"$petition" import corpus/petitions.jsonl
"$petition" import --backlog corpus/backlog.jsonl
"$petition" dedup --clusters out/clusters.jsonl --report out/report
echo "报告：out/report/report.md；事项聚类：out/clusters.jsonl"
"$petition" search 房产证 开发商 --limit 5
"$petition" check examples/new.json
echo "命令已安装到 $(pwd)/bin/petition；运行 export PATH=\"$(pwd)/bin:\$PATH\" 后即可直接使用 petition。"
