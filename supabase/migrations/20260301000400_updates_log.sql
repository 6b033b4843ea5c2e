-- One row per run step, and the last successful sync per (client, source) for incremental runs.

create table public.updates_log (
	id bigint generated always as identity primary key,
	client_id uuid references public.clients (id) on delete cascade,
	source text not null check (source ~ '^[a-z0-9_.:-]{1,64}$'),
	step text,
	date_from date,
	date_to date,
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	rows_read bigint,
	rows_written bigint,
	status text not null default 'running' check (status in ('running', 'success', 'error', 'skipped')),
	-- Redacted by the application before it gets here: never a token.
	error_message text
);
create index updates_log_client_idx on public.updates_log (client_id, started_at desc);

create table public.sync_watermarks (
	client_id uuid not null references public.clients (id) on delete cascade,
	source text not null check (source ~ '^[a-z0-9_.:-]{1,64}$'),
	last_success_at timestamptz not null,
	-- Opaque to the warehouse: an ISO instant (orders' date_last_updated) or a cursor.
	watermark text,
	updated_at timestamptz not null default now(),
	primary key (client_id, source)
);
