#!/usr/bin/env bash
# The figures of issue 7, measured side by side with Hugo.
#
# Usage: bench/run.sh [RUNS]
#
#   RUNS  timed runs of each measurement (default 3); the first run of each
#         tool on each corpus is an untimed warm-up
#
# Environment:
#   HUGO          Hugo binary (default: hugo on PATH, else ~/go/bin/hugo)
#   SIZES         plain-corpus sizes (default "1000 5000 10000")
#   GENCORPUS     gencorpus.py (default ../shared/bench/gencorpus.py)
#   BENCH_TMPDIR  where corpora and output go (default /dev/shm when it is a
#                 writable tmpfs, else /tmp)
#   SKIP=...      any of: corpus hugo handbook shipped serve (space-separated)
#   SERVE_EDITS   edits per serve-latency run (default 10)
#   KEEP=1        keep the work folder
#
# What it measures, every timing a median of RUNS:
#   1. plain corpus (gencorpus.py N: Hugo site; --flavor accord: the same
#      pages as a handbook): full build from an empty output folder, accord
#      and Hugo in alternating runs (A B A B ...): wall time, CPU time
#      (user+sys), peak RSS (/usr/bin/time), and the ratios Hugo/accord;
#   2. the large synthetic handbook (go run ./bench/genhandbook): accord
#      check; accord review (the review calendar, JSON); a cold build (empty graph cache) including every graph; a
#      second build of the unchanged sources into the same folder (found up
#      to date: checked, not rendered); and the same with --force, which
#      renders everything again with the graph cache warm;
#   3. the shipped handbook (content/): accord build with the graph cache warm;
#   4. the edit loop: bench/serve-latency.sh, when it exists, on content/
#      and on the 5,000-page corpus.
# Each accord build gets its own graph cache (XDG_CACHE_HOME in the work
# folder): cold means empty, warm means filled by the build before.
#
# Needs: bash, go, python3, GNU time (/usr/bin/time: apt-get install -y time)
# and, for the comparison, Hugo: go install github.com/gohugoio/hugo@v0.165.0
# (about 3.5 minutes on 2 cores) or apt-get install -y hugo (v0.111.3).
# This script installs nothing.
set -euo pipefail

usage() { sed -n '2,36p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ ${1:-} == -h || ${1:-} == --help ]] && usage
RUNS=${1:-3}
[[ $RUNS =~ ^[0-9]+$ && $RUNS -ge 1 ]] || usage
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SIZES=${SIZES:-1000 5000 10000}
GENCORPUS=${GENCORPUS:-$ROOT/../shared/bench/gencorpus.py}
SKIP=" ${SKIP:-} "
SERVE_EDITS=${SERVE_EDITS:-10}
skip() { [[ $SKIP == *" $1 "* ]]; }

if [[ -z ${HUGO:-} ]]; then
  HUGO=$(command -v hugo || true)
  [[ -z $HUGO && -x $HOME/go/bin/hugo ]] && HUGO=$HOME/go/bin/hugo
fi
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time missing (apt-get install -y time)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "error: python3 missing" >&2; exit 1; }
command -v go >/dev/null || { echo "error: go missing" >&2; exit 1; }
if ! skip hugo && [[ -z ${HUGO:-} || ! -x $HUGO ]]; then
  echo "error: Hugo not found: install it (go install github.com/gohugoio/hugo@v0.165.0, or apt-get install -y hugo), set HUGO=..., or SKIP=hugo" >&2
  exit 1
fi
if ! skip corpus && [[ ! -f $GENCORPUS ]]; then
  echo "error: $GENCORPUS not found: set GENCORPUS=..., or SKIP=corpus" >&2; exit 1
fi

if [[ -z ${BENCH_TMPDIR:-} ]]; then
  BENCH_TMPDIR=/tmp
  if [[ -d /dev/shm && -w /dev/shm ]] && [[ $(stat -f -c %T /dev/shm) == tmpfs ]]; then
    BENCH_TMPDIR=/dev/shm
  fi
fi
WORK=$(mktemp -d "$BENCH_TMPDIR/accord-bench.XXXXXX")
cleanup() { if [[ ${KEEP:-0} == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT

ACCORD=$WORK/bin/accord
GENHB=$WORK/bin/genhandbook
(cd "$ROOT" && go build -o "$ACCORD" ./cmd/accord && go build -o "$GENHB" ./bench/genhandbook)

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "== accord $(cd "$ROOT" && git describe --always --dirty 2>/dev/null || echo '?'), $(go version | cut -d' ' -f3)"
skip hugo || echo "== $("$HUGO" version | cut -d' ' -f1-2)"
echo "== $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), work in $WORK ($(stat -f -c %T "$WORK")), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "== load average at start: $(load)"

# run FILE CMD...: runs CMD, appends "wall_ms cpu_ms rss_kb exit" to FILE.
run() {
  local file=$1; shift
  local t0 t1 rc=0
  t0=$(date +%s%N)
  /usr/bin/time -f '%U %S %M' -o "$WORK/time.out" "$@" > "$WORK/last.log" 2>&1 || rc=$?
  t1=$(date +%s%N)
  read -r u s m < <(tail -n 1 "$WORK/time.out")
  python3 -c "print($(( (t1 - t0) / 1000000 )), round(($u + $s) * 1000), $m, $rc)" >> "$file"
  if [[ $rc -ne 0 ]]; then
    echo "  (exit $rc: $*)" >&2; tail -n 5 "$WORK/last.log" >&2
  fi
}

# med FILE COLUMN: median of a column (1 wall ms, 2 cpu ms, 3 rss KiB).
med() {
  python3 - "$1" "$2" <<'EOF'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
print(round(statistics.median(float(r[int(sys.argv[2]) - 1]) for r in rows)))
EOF
}

fails() { awk '$4 != 0' "$1" | wc -l; }

# accord_build FILE DIR OUT CACHE: one timed accord build into an empty OUT
# (emptied outside the timing), with CACHE as the graph cache's home.
# hugo_build FILE SITE: the same for Hugo (as hugo-baseline.sh runs it).
# FILE "-" runs untimed (a warm-up).
accord_build() {
  rm -rf "$3"
  if [[ $1 == - ]]; then XDG_CACHE_HOME=$4 "$ACCORD" build "$2" -o "$3" > /dev/null 2>&1 || true; return; fi
  run "$1" env XDG_CACHE_HOME="$4" "$ACCORD" build "$2" -o "$3"
}
# accord_again FILE DIR OUT CACHE [FLAGS...]: a timed build into OUT as the
# build before left it.
accord_again() {
  local file=$1 dir=$2 out=$3 cache=$4; shift 4
  run "$file" env XDG_CACHE_HOME="$cache" "$ACCORD" build "$dir" -o "$out" "$@"
}
hugo_build() {
  rm -rf "$2/public"; sync
  if [[ $1 == - ]]; then "$HUGO" --quiet --source "$2" --destination "$2/public" > /dev/null 2>&1 || true; return; fi
  run "$1" "$HUGO" --quiet --source "$2" --destination "$2/public"
}

ROWS=$WORK/rows.md; : > "$ROWS"
TARGETS=$WORK/targets.md; : > "$TARGETS"
target() { printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >> "$TARGETS"; }
verdict() { python3 -c "import sys; print('met' if $1 else 'MISSED')"; }

# ---- 1. plain corpus, accord and Hugo alternating --------------------------
if ! skip corpus; then
  for N in $SIZES; do
    A=$WORK/a$N; H=$WORK/h$N
    python3 "$GENCORPUS" --flavor accord "$N" "$A" > /dev/null
    skip hugo || python3 "$GENCORPUS" "$N" "$H" > /dev/null
    echo "-- plain corpus N=$N (load $(load))"
    accord_build - "$A" "$WORK/out" "$WORK/cache-a$N"   # warm-up
    skip hugo || hugo_build - "$H"
    : > "$WORK/acc$N"; : > "$WORK/hugo$N"
    for ((i = 1; i <= RUNS; i++)); do
      accord_build "$WORK/acc$N" "$A" "$WORK/out" "$WORK/cache-a$N"
      skip hugo || hugo_build "$WORK/hugo$N" "$H"
    done
    rm -rf "$WORK/out" "$H/public"
    aw=$(med "$WORK/acc$N" 1); ac=$(med "$WORK/acc$N" 2); ar=$(med "$WORK/acc$N" 3)
    if skip hugo; then
      hw=0; hc=0; hr=0
    else
      hw=$(med "$WORK/hugo$N" 1); hc=$(med "$WORK/hugo$N" 2); hr=$(med "$WORK/hugo$N" 3)
    fi
    python3 - "$N" "$aw" "$ac" "$ar" "$hw" "$hc" "$hr" "$(load)" >> "$ROWS" <<'EOF'
import sys
n, aw, ac, ar, hw, hc, hr = (int(x) for x in sys.argv[1:8])
ratio = lambda h, a: "%.2f×" % (h / a) if a and h else "–"
print("| %s | %.2f s | %.2f s | %s | %.2f s | %.2f s | %s | %d MiB | %d MiB | %s | %.0f | %.2f ms | %s |" % (
    format(n, ","), aw / 1000, hw / 1000, ratio(hw, aw), ac / 1000, hc / 1000, ratio(hc, ac),
    ar / 1024, hr / 1024, ratio(hr, ar), n / (aw / 1000), aw / n, sys.argv[8]))
EOF
    tail -n 1 "$ROWS"
    if [[ $N == 5000 ]] && ! skip hugo; then
      target "5,000 pages: wall ≤ 1/3 of Hugo" "$(python3 -c "print('%.2f s vs %.2f s (%.2f×)' % ($aw/1000, $hw/1000, $hw/$aw))")" "≥ 3×" "$(verdict "$hw >= 3 * $aw")"
      target "5,000 pages: peak RSS ≤ 1/3 of Hugo" "$(python3 -c "print('%d vs %d MiB (%.2f×)' % ($ar/1024, $hr/1024, $hr/$ar))")" "≥ 3×" "$(verdict "$hr >= 3 * $ar")"
    fi
  done
fi

# ---- 2. the large synthetic handbook ---------------------------------------
if ! skip handbook; then
  HB=$WORK/synthetic
  "$GENHB" "$HB"
  echo "-- synthetic handbook (load $(load))"
  "$ACCORD" check "$HB" > /dev/null 2>&1 || { echo "error: the synthetic handbook does not check clean:" >&2; "$ACCORD" check "$HB" | tail >&2; exit 1; }
  : > "$WORK/check"; : > "$WORK/review"; : > "$WORK/cold"; : > "$WORK/second"; : > "$WORK/forced"
  for ((i = 1; i <= RUNS; i++)); do
    run "$WORK/check" "$ACCORD" check "$HB"
    run "$WORK/review" "$ACCORD" review "$HB" --as-of 2026-12-06 --format json
    accord_build "$WORK/cold" "$HB" "$WORK/outhb" "$WORK/cache-hb$i"     # empty graph cache
    accord_again "$WORK/second" "$HB" "$WORK/outhb" "$WORK/cache-hb$i"   # up to date
    accord_again "$WORK/forced" "$HB" "$WORK/outhb" "$WORK/cache-hb$i" --force   # renders, cache warm
  done
  files=$( (find "$WORK/outhb" -type f 2>/dev/null || true) | wc -l)
  mb=$( (du -sm "$WORK/outhb" 2>/dev/null || echo 0) | cut -f1)
  rm -rf "$WORK/outhb"
  for m in check review cold second forced; do
    printf '| synthetic: %s | %.2f s | %.2f s | %d MiB | %s failed |\n' "$m" \
      "$(python3 -c "print($(med "$WORK/$m" 1)/1000)")" "$(python3 -c "print($(med "$WORK/$m" 2)/1000)")" \
      "$(( $(med "$WORK/$m" 3) / 1024 ))" "$(fails "$WORK/$m")"
  done | tee "$WORK/hb.md"
  echo "  site: $files files, $mb MB"
  c=$(med "$WORK/check" 1); k=$(med "$WORK/cold" 1); s=$(med "$WORK/second" 1)
  target "synthetic: accord check ≤ 1 s" "$(python3 -c "print('%.2f s' % ($c/1000))")" "≤ 1 s" "$(verdict "$c <= 1000")"
  v=$(med "$WORK/review" 1)
  target "synthetic: accord review ≤ 1 s" "$(python3 -c "print('%.2f s' % ($v/1000))")" "≤ 1 s" "$(verdict "$v <= 1000")"
  target "synthetic: cold build with every graph ≤ 20 s" "$(python3 -c "print('%.2f s' % ($k/1000))")$( [[ $(fails "$WORK/cold") -gt 0 ]] && echo ' (failed)')" "≤ 20 s" "$(verdict "$k <= 20000 and $(fails "$WORK/cold") == 0")"
  f=$(med "$WORK/forced" 1)
  target "synthetic: second build, unchanged ≤ 2 s (up to date)" "$(python3 -c "print('%.2f s' % ($s/1000))")$( [[ $(fails "$WORK/second") -gt 0 ]] && echo ' (failed)')" "≤ 2 s" "$(verdict "$s <= 2000 and $(fails "$WORK/second") == 0")"
  target "synthetic: the same rendered again (--force, graph cache warm) ≤ 2 s" "$(python3 -c "print('%.2f s' % ($f/1000))")$( [[ $(fails "$WORK/forced") -gt 0 ]] && echo ' (failed)')" "≤ 2 s" "$(verdict "$f <= 2000 and $(fails "$WORK/forced") == 0")"
fi

# ---- 3. the shipped handbook, graph cache warm ------------------------------
if ! skip shipped; then
  echo "-- shipped handbook (load $(load))"
  accord_build - "$ROOT/content" "$WORK/outc" "$WORK/cache-content"   # fills the graph cache
  : > "$WORK/shipped"
  for ((i = 1; i <= RUNS; i++)); do
    accord_build "$WORK/shipped" "$ROOT/content" "$WORK/outc" "$WORK/cache-content"
  done
  w=$(med "$WORK/shipped" 1)
  printf '| shipped: build, graphs cached | %.2f s | %.2f s | %d MiB | %s failed |\n' "$(python3 -c "print($w/1000)")" \
    "$(python3 -c "print($(med "$WORK/shipped" 2)/1000)")" "$(( $(med "$WORK/shipped" 3) / 1024 ))" "$(fails "$WORK/shipped")" | tee -a "$WORK/hb.md"
  target "shipped: build, graph cache warm ≤ 300 ms" "$w ms" "≤ 300 ms" "$(verdict "$w <= 300")"
fi

# ---- 4. the edit loop ---------------------------------------------------------
if ! skip serve && [[ -x $ROOT/bench/serve-latency.sh ]]; then
  echo "-- accord serve, edit to page (bench/serve-latency.sh; load $(load))"
  "$ROOT/bench/serve-latency.sh" "$SERVE_EDITS" 2>&1 | tail -n 4 | sed 's/^/   content: /' || true
  if [[ -d $WORK/a5000 ]]; then
    "$ROOT/bench/serve-latency.sh" "$SERVE_EDITS" -content "$WORK/a5000" -file pages/000/page-00001.md 2>&1 | tail -n 4 | sed 's/^/   5,000 pages: /' || true
  fi
fi

echo
echo "== results (medians of $RUNS runs; load average at the end: $(load))"
if [[ -s $ROWS ]]; then
  echo
  echo "| pages | accord wall | Hugo wall | Hugo/accord | accord CPU | Hugo CPU | Hugo/accord | accord peak RSS | Hugo peak RSS | Hugo/accord | accord pages/s | accord ms/page | load avg |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  cat "$ROWS"
fi
if [[ -s $WORK/hb.md ]]; then
  echo
  echo "| accord on handbooks | wall | CPU | peak RSS | runs failed |"
  echo "|---|---|---|---|---|"
  cat "$WORK/hb.md"
fi
if [[ -s $TARGETS ]]; then
  echo
  echo "| target (issue 7) | measured | wanted | |"
  echo "|---|---|---|---|"
  cat "$TARGETS"
fi
