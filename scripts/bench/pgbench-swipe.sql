-- One pgbench transaction = one swipe, as MikroOrmSwipeRepository.add writes it:
--   insert into swipes (sock_id, target_sock_id, decision, judged_at) values (?, ?, ?, ?)
--   on conflict on constraint swipes_pkey do nothing
-- The values come from row :n of bench_pgbench_pairs (prepared by pgbench-swipe.sh: pairs of
-- socks of different owners that have not been judged yet, shuffled), inside the same statement,
-- so each transaction is still one round trip and one insert. Each client walks its own rows
-- (n = client_id + 1, + clients, + 2 × clients, …): no two transactions insert the same pair.
\set n :client_id + 1 + :k * :clients
\set k :k + 1
insert into swipes (sock_id, target_sock_id, decision, judged_at)
select sock_id, target_sock_id, decision, now() from bench_pgbench_pairs where n = :n
on conflict on constraint swipes_pkey do nothing;
