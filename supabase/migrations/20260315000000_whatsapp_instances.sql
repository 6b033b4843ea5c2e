-- WhatsApp Cloud: one Meta app for every client; each client's number is an instance with its own
-- automation rules. Opt-outs are per instance and contact; the send log paces messages to one
-- contact (Meta allows one every 6 s per business number and user) and keeps messages Meta told us
-- to send later (131056 pair rate, 130429 throughput) until they are retried. The nodes, the
-- trigger and the workflows all go through the wh_wa_* functions below.

create table public.whatsapp_instances (
	id uuid primary key default gen_random_uuid(),
	client_id uuid not null references public.clients (id) on delete cascade,
	-- Meta's id of the business number (what messages are sent from and webhooks name).
	phone_number_id text not null unique check (phone_number_id ~ '^[0-9]{5,30}$'),
	-- As Meta shows it, e.g. "+55 11 98765-4321"; `phone_digits` is what staff type, digits only.
	display_phone_number text not null,
	phone_digits text not null check (phone_digits ~ '^[0-9]{8,15}$'),
	waba_id text not null check (waba_id ~ '^[0-9]{5,30}$'),
	verified_name text,
	status text not null default 'active' check (status in ('active', 'paused')),
	rules jsonb not null default '{}'::jsonb check (jsonb_typeof(rules) = 'object'),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index whatsapp_instances_client_idx on public.whatsapp_instances (client_id);

create table public.whatsapp_opt_outs (
	instance_id uuid not null references public.whatsapp_instances (id) on delete cascade,
	wa_id text not null check (wa_id ~ '^[0-9]{8,15}$'),
	opted_out_at timestamptz not null default now(),
	primary key (instance_id, wa_id)
);

-- The next free slot per (instance, contact): taking a slot and moving it on is one row update, so
-- concurrent executions (and both transports) pace the same contact correctly.
create table public.whatsapp_pair_slots (
	instance_id uuid not null references public.whatsapp_instances (id) on delete cascade,
	wa_id text not null check (wa_id ~ '^[0-9]{8,15}$'),
	next_slot_at timestamptz not null,
	primary key (instance_id, wa_id)
);

create table public.whatsapp_send_log (
	id bigint generated always as identity primary key,
	instance_id uuid not null references public.whatsapp_instances (id) on delete cascade,
	wa_id text not null check (wa_id ~ '^[0-9]{8,15}$'),
	-- text, template…; `purpose` says why (manual, rule reply, opt-out confirmation, daily summary).
	kind text not null check (kind ~ '^[a-z_]{1,32}$'),
	purpose text not null default 'manual' check (purpose ~ '^[a-z_]{1,32}$'),
	-- The Graph API message body minus `to` (never a token): kept so a deferred message can be resent.
	payload jsonb not null,
	-- pending: slot taken, being sent; sent; deferred: Meta said later (next_attempt_at);
	-- failed: refused for good; skipped: not sent (opted out).
	status text not null default 'pending' check (status in ('pending', 'sent', 'deferred', 'failed', 'skipped')),
	scheduled_at timestamptz not null default now(),
	next_attempt_at timestamptz,
	attempts integer not null default 0,
	wamid text,
	error_code text,
	error_message text check (length(error_message) <= 1000),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
create index whatsapp_send_log_pair_idx on public.whatsapp_send_log (instance_id, wa_id, created_at desc);
create index whatsapp_send_log_deferred_idx on public.whatsapp_send_log (next_attempt_at) where status = 'deferred';

do $$
declare
	v_table text;
begin
	foreach v_table in array array['whatsapp_instances', 'whatsapp_opt_outs', 'whatsapp_pair_slots', 'whatsapp_send_log'] loop
		execute format('alter table public.%I enable row level security', v_table);
		execute format(
			'create policy service_role_all on public.%I for all to service_role using (true) with check (true)', v_table
		);
		execute format('revoke all on public.%I from public, anon, authenticated, analytics', v_table);
		execute format('grant select, insert, update, delete on public.%I to service_role', v_table);
	end loop;
end
$$;
grant usage, select on all sequences in schema public to service_role;

-- Instances ------------------------------------------------------------------------------------

create or replace function public.wh_wa_instance_create(
	p_client_id uuid,
	p_phone_number_id text,
	p_display_phone_number text,
	p_waba_id text,
	p_verified_name text default null,
	p_rules jsonb default '{}'::jsonb
)
returns setof public.whatsapp_instances
language plpgsql
as $$
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	if exists (select 1 from public.whatsapp_instances where phone_number_id = p_phone_number_id) then
		raise exception 'phone number id % already has an instance', p_phone_number_id using errcode = 'VW001';
	end if;
	return query
	insert into public.whatsapp_instances (client_id, phone_number_id, display_phone_number, phone_digits, waba_id, verified_name, rules)
	values (
		p_client_id, p_phone_number_id, p_display_phone_number, regexp_replace(p_display_phone_number, '[^0-9]', '', 'g'),
		p_waba_id, p_verified_name, coalesce(p_rules, '{}'::jsonb)
	)
	returning *;
end
$$;

-- By instance id or by Meta's phone number id (webhooks name the number, staff the instance).
create or replace function public.wh_wa_instance_get(p_instance_id uuid default null, p_phone_number_id text default null)
returns table (
	id uuid, client_id uuid, client_name text, phone_number_id text, display_phone_number text, phone_digits text,
	waba_id text, verified_name text, status text, rules jsonb, created_at timestamptz, updated_at timestamptz
)
language sql stable
as $$
	select i.id, i.client_id, c.name, i.phone_number_id, i.display_phone_number, i.phone_digits, i.waba_id,
		i.verified_name, i.status, i.rules, i.created_at, i.updated_at
	from public.whatsapp_instances i join public.clients c on c.id = i.client_id
	where (p_instance_id is not null and i.id = p_instance_id)
		or (p_instance_id is null and p_phone_number_id is not null and i.phone_number_id = p_phone_number_id)
$$;

create or replace function public.wh_wa_instance_list(p_client_id uuid default null)
returns table (
	id uuid, client_id uuid, client_name text, phone_number_id text, display_phone_number text, phone_digits text,
	waba_id text, verified_name text, status text, rules jsonb, created_at timestamptz, updated_at timestamptz
)
language sql stable
as $$
	select i.id, i.client_id, c.name, i.phone_number_id, i.display_phone_number, i.phone_digits, i.waba_id,
		i.verified_name, i.status, i.rules, i.created_at, i.updated_at
	from public.whatsapp_instances i join public.clients c on c.id = i.client_id
	where p_client_id is null or i.client_id = p_client_id
	order by lower(c.name), i.display_phone_number
$$;

create or replace function public.wh_wa_instance_update(
	p_instance_id uuid,
	p_rules jsonb default null,
	p_status text default null
)
returns setof public.whatsapp_instances
language sql
as $$
	update public.whatsapp_instances i set
		rules = coalesce(p_rules, i.rules),
		status = coalesce(p_status, i.status),
		updated_at = now()
	where i.id = p_instance_id
	returning i.*
$$;

-- Opt-outs, pacing and the send log go with the instance.
create or replace function public.wh_wa_instance_delete(p_instance_id uuid)
returns table (id uuid, phone_number_id text)
language sql
as $$
	delete from public.whatsapp_instances i where i.id = p_instance_id returning i.id, i.phone_number_id
$$;

-- Opt-outs -------------------------------------------------------------------------------------

create or replace function public.wh_wa_opt_out(p_instance_id uuid, p_wa_id text)
returns table (instance_id uuid, wa_id text, opted_out_at timestamptz, created boolean)
language sql
as $$
	insert into public.whatsapp_opt_outs as o (instance_id, wa_id) values (p_instance_id, p_wa_id)
	on conflict (instance_id, wa_id) do update set opted_out_at = o.opted_out_at
	returning o.instance_id, o.wa_id, o.opted_out_at, (o.xmax = 0)
$$;

create or replace function public.wh_wa_opt_in(p_instance_id uuid, p_wa_id text)
returns table (instance_id uuid, wa_id text, removed boolean)
language sql
as $$
	with gone as (
		delete from public.whatsapp_opt_outs o where o.instance_id = p_instance_id and o.wa_id = p_wa_id returning o.wa_id
	)
	select p_instance_id, p_wa_id, exists (select 1 from gone)
$$;

-- One contact's opt-out (with p_wa_id) or all of the instance's.
create or replace function public.wh_wa_opt_out_list(p_instance_id uuid, p_wa_id text default null)
returns table (instance_id uuid, wa_id text, opted_out_at timestamptz)
language sql stable
as $$
	select o.instance_id, o.wa_id, o.opted_out_at from public.whatsapp_opt_outs o
	where o.instance_id = p_instance_id and (p_wa_id is null or o.wa_id = p_wa_id)
	order by o.opted_out_at, o.wa_id
$$;

-- Sending --------------------------------------------------------------------------------------

-- Takes the contact's next slot (now, or `p_interval_ms` after the previous one) and logs the
-- message as pending; an opted-out contact gets a `skipped` row and no slot. With `p_log_id`, a
-- deferred message is taken again instead of logging a new one.
create or replace function public.wh_wa_send_reserve(
	p_instance_id uuid,
	p_wa_id text,
	p_kind text,
	p_purpose text default 'manual',
	p_payload jsonb default null,
	p_interval_ms integer default 6000,
	p_log_id bigint default null
)
returns table (log_id bigint, status text, scheduled_at timestamptz, wait_ms integer, attempts integer)
language plpgsql
as $$
#variable_conflict use_column
declare
	v_status text;
	v_slot timestamptz;
	v_log public.whatsapp_send_log;
begin
	select i.status into v_status from public.whatsapp_instances i where i.id = p_instance_id;
	if v_status is null then
		raise exception 'whatsapp instance % not found', p_instance_id using errcode = 'VW002';
	end if;
	if exists (select 1 from public.whatsapp_opt_outs o where o.instance_id = p_instance_id and o.wa_id = p_wa_id) then
		if p_log_id is null then
			insert into public.whatsapp_send_log (instance_id, wa_id, kind, purpose, payload, status, error_message)
			values (p_instance_id, p_wa_id, p_kind, coalesce(p_purpose, 'manual'), coalesce(p_payload, '{}'::jsonb), 'skipped', 'opted out')
			returning * into v_log;
		else
			update public.whatsapp_send_log l set status = 'skipped', next_attempt_at = null, error_message = 'opted out', updated_at = now()
			where l.id = p_log_id returning * into v_log;
		end if;
		return query select v_log.id, 'opted_out'::text, v_log.scheduled_at, 0, v_log.attempts;
		return;
	end if;
	insert into public.whatsapp_pair_slots as s (instance_id, wa_id, next_slot_at)
	values (p_instance_id, p_wa_id, clock_timestamp() + make_interval(secs => p_interval_ms / 1000.0))
	on conflict (instance_id, wa_id) do update
		set next_slot_at = greatest(clock_timestamp(), s.next_slot_at) + make_interval(secs => p_interval_ms / 1000.0)
	returning s.next_slot_at - make_interval(secs => p_interval_ms / 1000.0) into v_slot;
	if p_log_id is null then
		insert into public.whatsapp_send_log (instance_id, wa_id, kind, purpose, payload, scheduled_at, attempts)
		values (p_instance_id, p_wa_id, p_kind, coalesce(p_purpose, 'manual'), coalesce(p_payload, '{}'::jsonb), v_slot, 1)
		returning * into v_log;
	else
		update public.whatsapp_send_log l set
			status = 'pending', scheduled_at = v_slot, next_attempt_at = null, attempts = l.attempts + 1, updated_at = now()
		where l.id = p_log_id and l.instance_id = p_instance_id and l.status in ('deferred', 'pending')
		returning * into v_log;
		if v_log.id is null then
			raise exception 'send log % is not waiting for a retry', p_log_id using errcode = 'VW001';
		end if;
	end if;
	return query select v_log.id, 'reserved'::text, v_slot,
		greatest(0, ceil(extract(epoch from (v_slot - clock_timestamp())) * 1000))::integer, v_log.attempts;
end
$$;

-- What came of a reserved message. `deferred` needs `p_next_attempt_at`. A message really sent
-- moves the contact's next slot to `p_interval_ms` after now: the send happened after its slot
-- began (waits, latency), and Meta counts from when it received the message.
create or replace function public.wh_wa_send_result(
	p_log_id bigint,
	p_status text,
	p_wamid text default null,
	p_error_code text default null,
	p_error_message text default null,
	p_next_attempt_at timestamptz default null,
	p_interval_ms integer default null
)
returns table (log_id bigint, status text, attempts integer, next_attempt_at timestamptz)
language plpgsql
as $$
#variable_conflict use_column
declare
	v_log public.whatsapp_send_log;
begin
	update public.whatsapp_send_log l set
		status = p_status,
		wamid = coalesce(p_wamid, l.wamid),
		error_code = p_error_code,
		error_message = left(p_error_message, 1000),
		next_attempt_at = case when p_status = 'deferred' then coalesce(p_next_attempt_at, now()) end,
		updated_at = now()
	where l.id = p_log_id
	returning * into v_log;
	if v_log.id is null then
		return;
	end if;
	if p_status = 'sent' and p_interval_ms is not null then
		update public.whatsapp_pair_slots s
		set next_slot_at = greatest(s.next_slot_at, clock_timestamp() + make_interval(secs => p_interval_ms / 1000.0))
		where s.instance_id = v_log.instance_id and s.wa_id = v_log.wa_id;
	end if;
	return query select v_log.id, v_log.status, v_log.attempts, v_log.next_attempt_at;
end
$$;

-- Deferred messages whose time has come, oldest first.
create or replace function public.wh_wa_send_due(p_instance_id uuid default null, p_limit integer default 50)
returns table (
	log_id bigint, instance_id uuid, wa_id text, kind text, purpose text, payload jsonb, attempts integer,
	next_attempt_at timestamptz, error_code text
)
language sql stable
as $$
	select l.id, l.instance_id, l.wa_id, l.kind, l.purpose, l.payload, l.attempts, l.next_attempt_at, l.error_code
	from public.whatsapp_send_log l
	where l.status = 'deferred' and l.next_attempt_at <= now()
		and (p_instance_id is null or l.instance_id = p_instance_id)
	order by l.next_attempt_at, l.id
	limit greatest(1, least(coalesce(p_limit, 50), 500))
$$;

-- Newest first (staff and tests look at what was sent to whom).
create or replace function public.wh_wa_send_log(p_instance_id uuid, p_wa_id text default null, p_limit integer default 50)
returns table (
	log_id bigint, wa_id text, kind text, purpose text, payload jsonb, status text, scheduled_at timestamptz,
	next_attempt_at timestamptz, attempts integer, wamid text, error_code text, error_message text, created_at timestamptz
)
language sql stable
as $$
	select l.id, l.wa_id, l.kind, l.purpose, l.payload, l.status, l.scheduled_at, l.next_attempt_at, l.attempts,
		l.wamid, l.error_code, l.error_message, l.created_at
	from public.whatsapp_send_log l
	where l.instance_id = p_instance_id and (p_wa_id is null or l.wa_id = p_wa_id)
	order by l.created_at desc, l.id desc
	limit greatest(1, least(coalesce(p_limit, 50), 1000))
$$;

-- Webhooks and figures ---------------------------------------------------------------------------

-- A webhook change for a number no instance owns: kept in updates_log (not dropped), so staff see
-- which number still needs an instance.
create or replace function public.wh_wa_log_unrouted(p_phone_number_id text, p_detail text)
returns table (id bigint)
language sql
as $$
	insert into public.updates_log as u (client_id, source, step, status, started_at, finished_at, error_message)
	values (null, 'whatsapp.webhook', 'unrouted', 'skipped', now(), now(),
		left(format('phone_number_id %s: %s', p_phone_number_id, p_detail), 1000))
	returning u.id
$$;

-- One client's day from agg_client_day (the table behind analytics.v_client_day); zeros when the
-- day has no row, so a quiet day still reads as a day without sales.
create or replace function public.wh_wa_client_day(p_client_id uuid, p_day date)
returns table (
	client_id uuid, client_name text, day date, has_data boolean, gross_revenue numeric, orders_count integer,
	units_sold bigint, avg_ticket numeric, cancelled_orders integer, visits bigint, ads_cost numeric
)
language sql stable
as $$
	select c.id, c.name, p_day, a.client_id is not null,
		coalesce(a.gross_revenue, 0), coalesce(a.orders_count, 0), coalesce(a.units_sold, 0), a.avg_ticket,
		coalesce(a.cancelled_orders, 0), coalesce(a.visits, 0), coalesce(a.ads_cost, 0)
	from public.clients c
	left join public.agg_client_day a on a.client_id = c.id and a.day = p_day
	where c.id = p_client_id
$$;

-- Only the service role may call these (the 0900 migration's blanket grant ran before they existed).
do $$
declare
	v_fn text;
begin
	foreach v_fn in array array[
		'wh_wa_instance_create(uuid, text, text, text, text, jsonb)',
		'wh_wa_instance_get(uuid, text)',
		'wh_wa_instance_list(uuid)',
		'wh_wa_instance_update(uuid, jsonb, text)',
		'wh_wa_instance_delete(uuid)',
		'wh_wa_opt_out(uuid, text)',
		'wh_wa_opt_in(uuid, text)',
		'wh_wa_opt_out_list(uuid, text)',
		'wh_wa_send_reserve(uuid, text, text, text, jsonb, integer, bigint)',
		'wh_wa_send_result(bigint, text, text, text, text, timestamptz, integer)',
		'wh_wa_send_due(uuid, integer)',
		'wh_wa_send_log(uuid, text, integer)',
		'wh_wa_log_unrouted(text, text)',
		'wh_wa_client_day(uuid, date)'
	] loop
		execute format('revoke execute on function public.%s from public, anon, authenticated, analytics', v_fn);
		execute format('grant execute on function public.%s to service_role', v_fn);
	end loop;
end
$$;
