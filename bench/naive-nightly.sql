-- Bench only (bench/nightly.ts runs it in the naive run's copy of the warehouse, never in a real
-- one): n8n's Postgres node cannot decrypt the vault's tokens, so the naive workflow
-- (bench/naive-nightly.json) reads plain access tokens from this table, as a hand-built workflow
-- would keep them somewhere it can read.
create table public.bench_naive_tokens (
	client_id uuid primary key references public.clients (id) on delete cascade,
	access_token text not null
);

-- What the naive workflow's first Postgres node selects from: ready clients, their seller id, the
-- plain token and the orders watermark.
create view public.bench_naive_clients as
select c.id as client_id, c.ml_user_id as seller_id, t.access_token, w.watermark::timestamptz as watermark
from public.clients c
join public.bench_naive_tokens t on t.client_id = c.id
left join public.sync_watermarks w on w.client_id = c.id and w.source = 'ml_orders'
where c.status = 'ready' and c.ml_user_id is not null;
