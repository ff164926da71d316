#!/usr/bin/env bash
# Builds and runs newsnlp's libFuzzer target (Fuzz/Sources/FuzzAnalyze): arbitrary bytes through
# Analyzer.analyze (decoded lossily), the JSON report writer in the three offset units, TextDecoder and the
# JSON Lines parser, with the address sanitizer. Any crash, broken invariant or sanitizer report stops the run
# with a non-zero exit and leaves the input in Fuzz/work/ (crash-…, timeout-…, oom-…).
#
#   Scripts/fuzz.sh                 # 60 seconds
#   Scripts/fuzz.sh --time 30       # a smoke run (what .ci/run does)
#   Scripts/fuzz.sh --runs 1000000  # a fixed number of executions
#   Scripts/fuzz.sh --time 60 -- -jobs=2 -workers=2   # anything after -- goes to libFuzzer
#   Scripts/fuzz.sh --replay FILE…  # run the target once on each file (a crash found earlier)
#
# Fuzz/ is a package of its own that depends on the root package by path, so the root's `swift build` and
# `swift test` never build it; it builds with `swift build --sanitize=fuzzer --sanitize=address` (plus the
# same flags through -Xswiftc/-Xcc for the root package's targets) into Fuzz/.build. The seeds are Fuzz/corpus/ (committed, small); what the fuzzer learns goes to Fuzz/work/corpus
# (ignored by git), which later runs start from.
set -euo pipefail
cd "$(dirname "$0")/../Fuzz"

time=60
runs=""
replay=()
extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --time) time="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --replay) shift; replay=("$@"); break ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "fuzz.sh: unknown option $1 (see --help)" >&2; exit 64 ;;
  esac
done

echo "fuzz: building Fuzz/ (release, -sanitize=fuzzer,address)"
# --sanitize applies to Fuzz/'s own target only (and links libFuzzer's main); the -Xswiftc/-Xcc flags instrument
# the root package's targets too (NewsNLP, CNewsICU, CNewsLexicons), for coverage and the address sanitizer.
swift build -c release --sanitize=fuzzer --sanitize=address \
  -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address 2>&1 | grep -Ev 'warning: #embed|^ +[0-9]+ \| #embed|^ +\| +\^|warnings? generated' || true
binary=".build/release/FuzzAnalyze"
[[ -x "$binary" ]] || { echo "fuzz: build failed" >&2; exit 1; }

# The Swift runtime's own backtracer would pause on a crash; libFuzzer and ASan report it.
export SWIFT_BACKTRACE=enable=no

if [[ ${#replay[@]} -gt 0 ]]; then
  exec "$binary" "${replay[@]}"
fi

mkdir -p work/corpus
limits=(-max_len=2048 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix=work/)
if [[ -n "$runs" ]]; then
  limits+=(-runs="$runs")
else
  limits+=(-max_total_time="$time")
fi
echo "fuzz: $binary work/corpus corpus ${limits[*]} ${extra[*]:-}"
"$binary" work/corpus corpus "${limits[@]}" "${extra[@]}"
