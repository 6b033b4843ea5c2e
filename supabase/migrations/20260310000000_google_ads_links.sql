-- Google Ads manager (MCC) ↔ client account links: the current state per client and the history
-- of every operation and every observed change (the seeds' ExecutionHistory). The node, the CLI
-- and the bot all write through the functions below, so both transports share the rules.
-- Statuses are Viang's lifecycle, not the API's: NOT_LINKED, PENDING, APPROVED, REJECTED, CANCELLED.

create table public.google_ads_links (
	client_id uuid primary key references public.clients (id) on delete cascade,
	-- Digits only (the API's form); shown as 123-456-7890.
	customer_id text not null check (customer_id ~ '^[0-9]{10}$'),
	status text not null default 'NOT_LINKED'
		check (status in ('NOT_LINKED', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
	-- The API's id of the current invitation/link (text: int64) and its resource name.
	manager_link_id text check (manager_link_id ~ '^[0-9]+$'),
	resource_name text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- One Google Ads account cannot be pending or linked for two Viang clients at once.
create unique index google_ads_links_live_customer_key on public.google_ads_links (customer_id)
	where status in ('PENDING', 'APPROVED');

create table public.google_ads_link_history (
	id bigint generated always as identity primary key,
	client_id uuid not null references public.clients (id) on delete cascade,
	customer_id text not null check (customer_id ~ '^[0-9]{10}$'),
	from_status text check (from_status in ('NOT_LINKED', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
	to_status text not null check (to_status in ('NOT_LINKED', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
	-- What caused the row: an operation (invite, withdraw, unlink) or an observation (sync).
	cause text not null check (cause ~ '^[a-z_]{1,32}$'),
	-- Who: 'n8n', 'cli', 'bot:<telegram user>'…
	actor text not null check (btrim(actor) <> '' and length(actor) <= 200),
	-- ok: done; noop: nothing to do (e.g. already pending); failed: the API refused.
	outcome text not null default 'ok' check (outcome in ('ok', 'noop', 'failed')),
	api_request_id text,
	resource_name text,
	manager_link_id text,
	error_code text,
	detail text check (length(detail) <= 1000),
	created_at timestamptz not null default now()
);
create index google_ads_link_history_client_idx on public.google_ads_link_history (client_id, created_at, id);

alter table public.google_ads_links enable row level security;
alter table public.google_ads_link_history enable row level security;
create policy service_role_all on public.google_ads_links for all to service_role using (true) with check (true);
create policy service_role_all on public.google_ads_link_history for all to service_role using (true) with check (true);
revoke all on public.google_ads_links, public.google_ads_link_history from public, anon, authenticated, analytics;
grant select, insert, update, delete on public.google_ads_links, public.google_ads_link_history to service_role;
grant usage, select on all sequences in schema public to service_role;

-- Current state of one client (no row: the client has no Google Ads account on file).
create or replace function public.wh_gads_link_get(p_client_id uuid)
returns table (
	client_id uuid, client_name text, customer_id text, status text, manager_link_id text,
	resource_name text, updated_at timestamptz
)
language sql stable
as $$
	select l.client_id, c.name, l.customer_id, l.status, l.manager_link_id, l.resource_name, l.updated_at
	from public.google_ads_links l join public.clients c on c.id = l.client_id
	where l.client_id = p_client_id
$$;

create or replace function public.wh_gads_link_list()
returns table (
	client_id uuid, client_name text, customer_id text, status text, manager_link_id text,
	resource_name text, updated_at timestamptz
)
language sql stable
as $$
	select l.client_id, c.name, l.customer_id, l.status, l.manager_link_id, l.resource_name, l.updated_at
	from public.google_ads_links l join public.clients c on c.id = l.client_id
	order by lower(c.name)
$$;

-- An operation (invite, withdraw, unlink…): sets the state (and the customer id) and always
-- writes a history row, even when the state stays the same (outcome noop).
create or replace function public.wh_gads_link_record_operation(
	p_client_id uuid,
	p_customer_id text,
	p_status text,
	p_cause text,
	p_actor text,
	p_outcome text default 'ok',
	p_manager_link_id text default null,
	p_resource_name text default null,
	p_api_request_id text default null,
	p_detail text default null
)
returns table (history_id bigint, from_status text, to_status text, changed boolean, created_at timestamptz)
language plpgsql
as $$
#variable_conflict use_column
declare
	v_from text;
	v_old_customer text;
	v_history public.google_ads_link_history;
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	if p_customer_id is null or p_customer_id !~ '^[0-9]{10}$' then
		raise exception 'customer id must be 10 digits' using errcode = 'VW004';
	end if;
	select l.status, l.customer_id into v_from, v_old_customer
	from public.google_ads_links l where l.client_id = p_client_id for update;
	-- Another account: the previous one's state does not carry over.
	if v_old_customer is not null and v_old_customer <> p_customer_id then
		if v_from in ('PENDING', 'APPROVED') then
			raise exception 'client % still has account % %', p_client_id, v_old_customer, v_from using errcode = 'VW001';
		end if;
		v_from := 'NOT_LINKED';
	end if;
	if exists (
		select 1 from public.google_ads_links l
		where l.customer_id = p_customer_id and l.client_id <> p_client_id and l.status in ('PENDING', 'APPROVED')
	) and p_status in ('PENDING', 'APPROVED') then
		raise exception 'customer % is already pending or linked for another client', p_customer_id using errcode = 'VW001';
	end if;
	insert into public.google_ads_links as l (client_id, customer_id, status, manager_link_id, resource_name)
	values (p_client_id, p_customer_id, p_status, p_manager_link_id, p_resource_name)
	on conflict (client_id) do update set
		customer_id = excluded.customer_id,
		status = excluded.status,
		manager_link_id = coalesce(excluded.manager_link_id, case when l.customer_id = excluded.customer_id then l.manager_link_id end),
		resource_name = coalesce(excluded.resource_name, case when l.customer_id = excluded.customer_id then l.resource_name end),
		updated_at = now();
	insert into public.google_ads_link_history (
		client_id, customer_id, from_status, to_status, cause, actor, outcome,
		api_request_id, resource_name, manager_link_id, detail
	)
	values (
		p_client_id, p_customer_id, coalesce(v_from, 'NOT_LINKED'), p_status, p_cause, p_actor, coalesce(p_outcome, 'ok'),
		p_api_request_id, p_resource_name, p_manager_link_id, left(p_detail, 1000)
	)
	returning * into v_history;
	return query select v_history.id, v_history.from_status, v_history.to_status,
		v_history.from_status is distinct from v_history.to_status, v_history.created_at;
end
$$;

-- An operation the API refused: a history row only, the state is untouched.
create or replace function public.wh_gads_link_record_failure(
	p_client_id uuid,
	p_customer_id text,
	p_cause text,
	p_actor text,
	p_error_code text,
	p_api_request_id text default null,
	p_detail text default null
)
returns table (history_id bigint, created_at timestamptz)
language plpgsql
as $$
#variable_conflict use_column
declare
	v_status text;
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	select l.status into v_status from public.google_ads_links l
	where l.client_id = p_client_id and l.customer_id = p_customer_id;
	return query
	insert into public.google_ads_link_history as h (
		client_id, customer_id, from_status, to_status, cause, actor, outcome, api_request_id, error_code, detail
	)
	values (
		p_client_id, p_customer_id, coalesce(v_status, 'NOT_LINKED'), coalesce(v_status, 'NOT_LINKED'), p_cause, p_actor,
		'failed', p_api_request_id, p_error_code, left(p_detail, 1000)
	)
	returning h.id, h.created_at;
end
$$;

-- An observation (sync, get): changes the stored state only when it differs, and writes a history
-- row only then. The row lock makes two concurrent syncs record one transition, not two.
create or replace function public.wh_gads_link_record_sync(
	p_client_id uuid,
	p_status text,
	p_actor text,
	p_manager_link_id text default null,
	p_resource_name text default null,
	p_cause text default 'sync'
)
returns table (
	history_id bigint, customer_id text, from_status text, to_status text, changed boolean, created_at timestamptz
)
language plpgsql
as $$
#variable_conflict use_column
declare
	v_link public.google_ads_links;
	v_history public.google_ads_link_history;
begin
	select * into v_link from public.google_ads_links l where l.client_id = p_client_id for update;
	if not found then
		raise exception 'client % has no Google Ads account on file', p_client_id using errcode = 'VW002';
	end if;
	if v_link.status = p_status then
		update public.google_ads_links l set
			manager_link_id = coalesce(p_manager_link_id, l.manager_link_id),
			resource_name = coalesce(p_resource_name, l.resource_name)
		where l.client_id = p_client_id;
		return query select null::bigint, v_link.customer_id, v_link.status, v_link.status, false, now();
		return;
	end if;
	update public.google_ads_links l set
		status = p_status,
		manager_link_id = coalesce(p_manager_link_id, l.manager_link_id),
		resource_name = coalesce(p_resource_name, l.resource_name),
		updated_at = now()
	where l.client_id = p_client_id;
	insert into public.google_ads_link_history (
		client_id, customer_id, from_status, to_status, cause, actor, outcome, resource_name, manager_link_id
	)
	values (
		p_client_id, v_link.customer_id, v_link.status, p_status, coalesce(p_cause, 'sync'), p_actor, 'ok',
		coalesce(p_resource_name, v_link.resource_name), coalesce(p_manager_link_id, v_link.manager_link_id)
	)
	returning * into v_history;
	return query select v_history.id, v_history.customer_id, v_history.from_status, v_history.to_status, true,
		v_history.created_at;
end
$$;

-- Newest first.
create or replace function public.wh_gads_link_history(p_client_id uuid, p_limit integer default 50)
returns table (
	id bigint, client_id uuid, customer_id text, from_status text, to_status text, cause text, actor text,
	outcome text, api_request_id text, resource_name text, manager_link_id text, error_code text, detail text,
	created_at timestamptz
)
language sql stable
as $$
	select h.id, h.client_id, h.customer_id, h.from_status, h.to_status, h.cause, h.actor, h.outcome,
		h.api_request_id, h.resource_name, h.manager_link_id, h.error_code, h.detail, h.created_at
	from public.google_ads_link_history h
	where h.client_id = p_client_id
	order by h.created_at desc, h.id desc
	limit greatest(1, least(coalesce(p_limit, 50), 1000))
$$;

-- Dashboards: who is linked.
create or replace view analytics.v_google_ads_links as
select l.client_id, c.name as client_name, l.customer_id, l.status, l.updated_at
from public.google_ads_links l join public.clients c on c.id = l.client_id;
revoke all on analytics.v_google_ads_links from public, anon, authenticated;
grant select on analytics.v_google_ads_links to analytics;

-- Only the service role may call these (the 0900 migration's blanket grant ran before they existed).
revoke execute on function public.wh_gads_link_get(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_gads_link_list() from public, anon, authenticated, analytics;
revoke execute on function public.wh_gads_link_record_operation(uuid, text, text, text, text, text, text, text, text, text)
	from public, anon, authenticated, analytics;
revoke execute on function public.wh_gads_link_record_failure(uuid, text, text, text, text, text, text)
	from public, anon, authenticated, analytics;
revoke execute on function public.wh_gads_link_record_sync(uuid, text, text, text, text, text)
	from public, anon, authenticated, analytics;
revoke execute on function public.wh_gads_link_history(uuid, integer) from public, anon, authenticated, analytics;
grant execute on function public.wh_gads_link_get(uuid) to service_role;
grant execute on function public.wh_gads_link_list() to service_role;
grant execute on function public.wh_gads_link_record_operation(uuid, text, text, text, text, text, text, text, text, text)
	to service_role;
grant execute on function public.wh_gads_link_record_failure(uuid, text, text, text, text, text, text) to service_role;
grant execute on function public.wh_gads_link_record_sync(uuid, text, text, text, text, text) to service_role;
grant execute on function public.wh_gads_link_history(uuid, integer) to service_role;
