#!/usr/bin/env bash
# Measures the search core before and after a change in one run: builds
# the search package's test binary at BASE (with this checkout's search
# benchmarks copied in, so both run the same cases) and at this checkout,
# then runs BenchmarkTreebank of both, taking turns, ROUNDS times, on a
# corpus of PASSAGES passages of real Dutch sentences. Each binary keeps
# its own index (the index format may differ between the two).
#
#   search/benchcore.sh BASE [PASSAGES [ROUNDS [TREEBANK]]]
#
# TREEBANK is the folder of *.conllu files (default: found beside the
# repository, as the tests find it). Prints each round's benchmark lines.
set -euo pipefail
base=${1:?usage: search/benchcore.sh BASE [PASSAGES [ROUNDS [TREEBANK]]]}
passages=${2:-100000}
rounds=${3:-2}
root=$(git rev-parse --show-toplevel)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/base"
git -C "$root" archive "$base" | tar -x -C "$tmp/base"
cp "$root/search/treebank_bench_test.go" "$root/search/search_bench_test.go" "$tmp/base/search/"
(cd "$tmp/base" && go test -c -o "$tmp/before.test" ./search)
(cd "$root" && go test -c -o "$tmp/after.test" ./search)

# The tests look for shared/data/ud from their working directory upwards.
cd "$root/search"
if [ -n "${4:-}" ]; then
  mkdir -p "$tmp/wd/shared/data"
  ln -s "$(cd "$4" && pwd)" "$tmp/wd/shared/data/ud"
  cd "$tmp/wd"
fi
echo "base $(git -C "$root" rev-parse --short "$base"), head $(git -C "$root" rev-parse --short HEAD), $passages passages, load $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for v in before after; do
    echo "# round $r: $v"
    VANELKAAR_BENCH_INDEXES="$tmp/idx-$v" VANELKAAR_BENCH_PASSAGES="$passages" \
      "$tmp/$v.test" -test.run '^$' -test.bench 'Treebank' -test.benchtime 20x -test.benchmem |
      grep '^Benchmark'
  done
done
echo "load after $(cut -d' ' -f1-3 /proc/loadavg)"
