#!/usr/bin/env bash
# Edit-to-page latency of `accord serve`.
#
# Usage: bench/serve-latency.sh [N] [servelat flags...]
#
#   N   timed edits (default 20)
#
# Builds accord, then runs bench/servelat: it serves a copy of content/ (or
# -content DIR) with `accord serve --port 0`, edits a policy N times and
# prints min/median/max from the save to the reload event on the live stream,
# and to the page being served with the new text. Target: median ≤ 100 ms for
# one policy edit on the shipped handbook.
#
# The 5,000-page corpus of ../shared/bench:
#   python3 ../shared/bench/gencorpus.py --flavor accord 5000 /dev/shm/corpus
#   bench/serve-latency.sh 20 -content /dev/shm/corpus -file pages/000/page-00001.md
# Needs: bash, go.
set -euo pipefail
cd "$(dirname "$0")/.."
N=20
if [[ $# -gt 0 && $1 =~ ^[0-9]+$ ]]; then N=$1; shift; fi
BIN=$(mktemp -d)/accord
trap 'rm -rf "$(dirname "$BIN")"' EXIT
go build -o "$BIN" ./cmd/accord
go run ./bench/servelat -accord "$BIN" -n "$N" "$@"
