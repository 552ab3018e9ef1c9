#!/bin/sh
# The fuzz build and its runs (docs/security.md).
#   tests/fuzz/fuzz.sh build                 configure + build build-fuzz with clang
#   tests/fuzz/fuzz.sh smoke NAME [RUNS]     NAME's fuzzer for RUNS executions (default 20000)
#   tests/fuzz/fuzz.sh all [RUNS]            every fuzzer for RUNS executions, one summary line each
#   tests/fuzz/fuzz.sh long [SECONDS] [NAME] every (or NAME's) fuzzer for SECONDS (default 600)
# New inputs go to build-fuzz/new/<name>, never into the checked-in corpus;
# crashes to build-fuzz/crashes/<name>-*, full logs to build-fuzz/logs/.
# FUZZ_DIR overrides build-fuzz. Exits non-zero if any fuzzer found a crash.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
dir=${FUZZ_DIR:-$src/build-fuzz}
jobs=${JOBS:-2}

build() {
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    cmake -S "$here" -B "$dir" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$dir" -j"$jobs"
}

targets() {
  for f in "$dir"/*_fuzz; do [ -x "$f" ] && basename "$f" _fuzz; done
}

# fuzz NAME ARGS...: the fuzzer on a scratch corpus plus the checked-in seeds.
fuzz() {
  name=$1; shift
  mkdir -p "$dir/new/$name" "$dir/crashes" "$dir/logs"
  seeds="$here/corpus/$name"
  [ -d "$seeds" ] || seeds=
  "$dir/${name}_fuzz" -artifact_prefix="$dir/crashes/$name-" -print_final_stats=1 -timeout=10 \
    -rss_limit_mb=2048 "$@" "$dir/new/$name" $seeds
}

# summarise NAME ARGS...: runs quietly, prints "name: executions, cov, ft, crash", keeps the log.
summarise() {
  name=$1; shift
  log="$dir/logs/$name.log"
  status=0
  fuzz "$name" "$@" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
  if [ $status -eq 0 ]; then verdict="0 crashes"; else verdict="CRASH (status $status): $(grep -m1 -E 'ERROR|property failed|Test unit written' "$log" || true)"; fi
  echo "$name: ${execs:-?} executions in ${secs:-?} s, cov ${cov:-?}, ft ${ft:-?}, $verdict"
  return $status
}

each() {
  failed=0
  for t in ${TARGETS:-$(targets)}; do summarise "$t" "$@" || failed=1; done
  return $failed
}

case "${1:-}" in
  build) build ;;
  # A fixed seed and number of runs: the same work every time, no wall-clock limit.
  smoke) fuzz "$2" -seed=1 -runs="${3:-20000}" ;;
  all) build; each -seed=1 -runs="${2:-200000}" ;;
  long) build; TARGETS=${3:-} each -max_total_time="${2:-600}" ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac
