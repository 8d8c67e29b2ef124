#!/usr/bin/env bash
# Measures index builds: for each vanelkaar binary given (say, one built
# before a change and one after), `vanelkaar index` of one generated corpus
# of real Dutch sentences, run after run: wall seconds, peak RSS (GNU
# time's maximum resident set size), bytes of the index folder and of the
# corpus; then, unless --no-postgres, bench/compare.sh on the same corpus
# size and seed for PostgreSQL's load plus GIN build beside vanelkaar's
# in one process (its build table).
#
#   bench/build.sh [--passages N] [--runs N] [--treebank DIR] [--no-postgres] BINARY...
#
# It needs GNU time (/usr/bin/time) and, for PostgreSQL, what compare.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."

passages=100000 runs=2 treebank=../shared/data/ud postgres=1
while [ $# -gt 0 ]; do
  case $1 in
    --passages) passages=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --treebank) treebank=$2; shift 2 ;;
    --no-postgres) postgres=""; shift ;;
    --*) echo "build.sh: unknown flag $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: bench/build.sh [--passages N] [--runs N] [--treebank DIR] [--no-postgres] BINARY..." >&2; exit 2; }

tmp=$(mktemp -d /tmp/vanelkaar-build-XXXXXX)
trap 'rm -rf "$tmp"' EXIT
"$1" bench --generator treebank --treebank "$treebank" --passages "$passages" --generate "$tmp/corpus" >/dev/null
corpus_bytes=$(du -sb "$tmp/corpus" | cut -f1)

echo "Command: bench/build.sh --passages $passages --runs $runs $*"
echo "Date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Corpus: $passages treebank passages, $corpus_bytes bytes of files"
echo
echo "| run | binary | build s | peak RSS MB | index MB | index/corpus |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$runs"); do
  for bin in "$@"; do
    rm -rf "$tmp/index"
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" index --quiet --corpus "$tmp/corpus" --out "$tmp/index" >/dev/null
    read -r secs kb <"$tmp/time"
    bytes=$(du -sb "$tmp/index" | cut -f1)
    awk -v r="$run" -v b="$(basename "$bin")" -v s="$secs" -v kb="$kb" -v n="$bytes" -v c="$corpus_bytes" \
      'BEGIN { printf "| %s | %s | %.1f | %.0f | %.1f | %.2f |\n", r, b, s, kb/1024, n/1e6, n/c }'
  done
done
if [ -n "$postgres" ]; then
  echo
  bench/compare.sh --generator treebank --treebank "$treebank" --passages "$passages" \
    --rounds 1 --http=false --sqlite=false
fi
