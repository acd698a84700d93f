#!/usr/bin/env bash
# pgbench with the swipe INSERT of the app (see pgbench-swipe.sql), against a seeded database:
# socks of at least two owners must exist (e.g. after `npm run seed`, or the bench database of
# `npm run bench:api`, which runs this script). Leaves the database as it found it: the swipes it
# inserted and its pairs table are deleted at the end.
#
#   scripts/bench/pgbench-swipe.sh [DATABASE_URL]       (default: $DATABASE_URL)
#
# Environment: PGBENCH_CLIENTS (8), PGBENCH_SECONDS (8), PGBENCH_THREADS (2),
# PGBENCH_PAIRS (pairs prepared; default 300000), PGBENCH (path of pgbench).
# The last line of output is `pgbench swipe insert: tps=<n> ...`, which `bench:api` reads.
set -euo pipefail

url=${1:-${DATABASE_URL:-}}
if [ -z "$url" ]; then
  echo "usage: $0 DATABASE_URL (or set DATABASE_URL)" >&2
  exit 2
fi
clients=${PGBENCH_CLIENTS:-8}
seconds=${PGBENCH_SECONDS:-8}
threads=${PGBENCH_THREADS:-2}
pairs=${PGBENCH_PAIRS:-300000}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

find_bin() {
  command -v "$1" 2>/dev/null && return 0
  ls /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1 | grep . && return 0
  return 1
}
pgbench=${PGBENCH:-$(find_bin pgbench || true)}
psql=$(find_bin psql || true)
if [ -z "$pgbench" ] || [ -z "$psql" ]; then
  echo "pgbench or psql not found (Debian: apt-get install postgresql-contrib)" >&2
  exit 3
fi

sql() { "$psql" -X -q -v ON_ERROR_STOP=1 -At -d "$url" -c "$1"; }

cleanup() {
  sql "delete from swipes s using bench_pgbench_pairs p
       where s.sock_id = p.sock_id and s.target_sock_id = p.target_sock_id;
       drop table if exists bench_pgbench_pairs;" >/dev/null 2>&1 || true
}

sql "drop table if exists bench_pgbench_pairs" >/dev/null
trap cleanup EXIT
# Pairs the app would accept (different owners, not judged yet), in random order like the app's
# random UUIDs, numbered from 1.
sql "create table bench_pgbench_pairs as
     select (row_number() over ())::int as n, sock_id, target_sock_id,
            case when random() < 0.5 then 'like' else 'dislike' end as decision
     from (select a.id as sock_id, b.id as target_sock_id
           from socks a join socks b on a.owner_id <> b.owner_id
           where not exists (select 1 from swipes s where s.sock_id = a.id and s.target_sock_id = b.id)
           order by random() limit $pairs) shuffled;
     alter table bench_pgbench_pairs add primary key (n);
     analyze bench_pgbench_pairs;"
available=$(sql "select count(*) from bench_pgbench_pairs")
if [ "$available" -eq 0 ]; then
  echo "no pairs to swipe: the database needs socks of at least two owners" >&2
  exit 4
fi

out=$("$pgbench" -n -M extended -c "$clients" -j "$threads" -T "$seconds" \
  -D k=0 -D clients="$clients" -f "$here/pgbench-swipe.sql" "$url" 2>&1) || {
  echo "$out" >&2
  exit 1
}
echo "$out"
tps=$(echo "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | tail -n 1)
transactions=$(echo "$out" | sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p')
inserted=$(sql "select count(*) from swipes s join bench_pgbench_pairs p
                on s.sock_id = p.sock_id and s.target_sock_id = p.target_sock_id")
if [ "$inserted" -lt "$transactions" ]; then
  echo "warning: only $inserted of $transactions transactions inserted a row (raise PGBENCH_PAIRS)" >&2
fi
echo "pgbench swipe insert: tps=$tps clients=$clients seconds=$seconds transactions=$transactions inserted=$inserted"
