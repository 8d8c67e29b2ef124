#!/usr/bin/env bash
# Compares vanelkaar with PostgreSQL's "dutch" full-text search and SQLite
# FTS5 on this machine, on both generated corpora (the lexicon generator
# and real Dutch sentences of a treebank) and the shipped series, with both
# query mixes (the common one, bench/queries.txt, and the rare-word mix
# derived from each corpus), and drives vanelkaar's HTTP server at 1, 4
# and 16 clients (and with wrk, when it is installed). It starts a
# throwaway PostgreSQL cluster in a temporary folder on a free loopback
# port, runs
#
#   vanelkaar bench --postgres DSN --sqlite --generator lexicon,treebank \
#     --treebank DIR --passages 100000 --http [--wrk] [FLAGS...]
#
# with a vanelkaar built with the benchsql tag (the server binary has no
# database drivers), and stops and removes the cluster. FLAGS go to
# `vanelkaar bench` after those, so they win (for example --passages
# 10000,100000 --rounds 10 --per-query --cpuprofile cpu.prof). --treebank
# DIR is the folder of CoNLL-U files (default: ../shared/data/ud beside
# the repository; a relative path is relative to the repository). The output starts with the command, the date and the
# machine, ready for BENCHMARKS.md.
#
# It needs PostgreSQL's server programs (initdb, pg_ctl). It installs nothing
# unless the first argument is --install, which runs
# `apt-get update && apt-get install -y postgresql` (Debian, as root).
# As root, the server runs as the "postgres" user.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--install" ]; then
  shift
  apt-get update
  apt-get install -y postgresql
fi

treebank=../shared/data/ud
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --treebank) treebank=${args[i + 1]:-} ;;
    --treebank=*) treebank=${args[i]#--treebank=} ;;
  esac
done
if ! ls "$treebank"/*.conllu >/dev/null 2>&1; then
  echo "compare.sh: no *.conllu files in $treebank: give the treebank folder with --treebank DIR" >&2
  exit 1
fi
treebank=$(cd "$treebank" && pwd)

pgbin=""
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
  pgbin=$(dirname "$(command -v pg_ctl)")
else
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n -r); do
    if [ -x "$d/pg_ctl" ]; then pgbin=$d; break; fi
  done
fi
if [ -z "$pgbin" ]; then
  echo "compare.sh: PostgreSQL's initdb and pg_ctl are not installed (run with --install, or apt-get install postgresql)" >&2
  exit 1
fi

tmp=$(mktemp -d /tmp/vanelkaar-compare-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$tmp"
  as_pg=(runuser -u postgres --)
fi
data=$tmp/data
started=""
cleanup() {
  if [ -n "$started" ]; then
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A port nobody listens on.
port=""
for _ in $(seq 1 50); do
  p=$((20000 + RANDOM % 30000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then port=$p; break; fi
done
[ -n "$port" ] || { echo "compare.sh: no free port found" >&2; exit 1; }

"${as_pg[@]}" "$pgbin/initdb" -D "$data" -U bench --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Read-only benchmark settings: the table and its indexes fit in
# shared_buffers, sorts and GROUP BY in work_mem, no JIT compilation of
# single queries; durability is irrelevant for a throwaway cluster.
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$data" -l "$tmp/server.log" -w -t 60 \
  -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c shared_buffers=1GB -c work_mem=64MB -c jit=off -c fsync=off -c full_page_writes=off" \
  start >/dev/null
started=1

go build -tags benchsql -o "$tmp/vanelkaar" ./cmd/vanelkaar

echo "Command: bench/compare.sh $*"
echo "Date: $(date -u +%Y-%m-%d)"
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//' || true)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)
echo "Machine: $(nproc) cores${cpu:+ ($cpu)}, $mem, $(uname -sr)"
echo "PostgreSQL settings: shared_buffers=1GB work_mem=64MB jit=off fsync=off, over TCP on 127.0.0.1"
# Other work on the machine slows every engine alike, but shows in the
# tails (p95, p99): say how busy it was.
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# wrk, when installed, measures the common word over HTTP too.
wrk=()
if command -v wrk >/dev/null; then wrk=(--wrk); fi
"$tmp/vanelkaar" bench --postgres "postgres://bench@127.0.0.1:$port/postgres?sslmode=disable" --sqlite --tmp "$tmp" \
  --generator lexicon,treebank --treebank "$treebank" --passages 100000 --http "${wrk[@]}" "$@"
echo
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
