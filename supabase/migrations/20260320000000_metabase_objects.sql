-- Metabase objects created by `viang metabase provision`: our stable keys → Metabase ids, per
-- Metabase instance (several instances may share one warehouse). Provisioning updates these
-- objects in place and removes only objects listed here, never anything else in Metabase.
-- Both warehouse transports go through the functions below.

create table public.metabase_objects (
	-- Origin of the Metabase instance, e.g. https://bi.viang.com.br
	instance text not null check (instance ~ '^https?://[^/]+$'),
	-- Stable key from metabase/ definitions, e.g. `card:visao-geral.receita`.
	key text not null check (key ~ '^[a-z]+:[a-z0-9._-]+$' and length(key) <= 200),
	kind text not null check (kind in ('database', 'collection', 'card', 'dashboard')),
	mb_id integer not null check (mb_id > 0),
	-- Metabase's NanoID of the object: guards against acting on a foreign object that got our id.
	entity_id text,
	-- sha256 of the last request body applied (secrets excluded): unchanged definitions are not rewritten.
	checksum text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (instance, key),
	unique (instance, kind, mb_id)
);

alter table public.metabase_objects enable row level security;
create policy service_role_all on public.metabase_objects for all to service_role using (true) with check (true);
revoke all on public.metabase_objects from public, anon, authenticated, analytics;
grant select, insert, update, delete on public.metabase_objects to service_role;

create or replace function public.wh_metabase_objects_list(p_instance text)
returns table (key text, kind text, mb_id integer, entity_id text, checksum text, updated_at timestamptz)
language sql stable
as $$
	select o.key, o.kind, o.mb_id, o.entity_id, o.checksum, o.updated_at
	from public.metabase_objects o
	where o.instance = p_instance
	order by o.key
$$;

create or replace function public.wh_metabase_object_get(p_instance text, p_key text)
returns table (key text, kind text, mb_id integer, entity_id text, checksum text, updated_at timestamptz)
language sql stable
as $$
	select o.key, o.kind, o.mb_id, o.entity_id, o.checksum, o.updated_at
	from public.metabase_objects o
	where o.instance = p_instance and o.key = p_key
$$;

create or replace function public.wh_metabase_object_put(
	p_instance text,
	p_key text,
	p_kind text,
	p_mb_id integer,
	p_entity_id text default null,
	p_checksum text default null
)
returns table (key text, kind text, mb_id integer, entity_id text, checksum text, updated_at timestamptz)
language sql
as $$
	insert into public.metabase_objects as o (instance, key, kind, mb_id, entity_id, checksum)
	values (p_instance, p_key, p_kind, p_mb_id, p_entity_id, p_checksum)
	on conflict (instance, key) do update set
		kind = excluded.kind,
		mb_id = excluded.mb_id,
		entity_id = coalesce(excluded.entity_id, case when o.mb_id = excluded.mb_id then o.entity_id end),
		checksum = excluded.checksum,
		updated_at = now()
	returning o.key, o.kind, o.mb_id, o.entity_id, o.checksum, o.updated_at
$$;

create or replace function public.wh_metabase_object_delete(p_instance text, p_key text)
returns table (deleted boolean)
language sql
as $$
	with gone as (
		delete from public.metabase_objects o where o.instance = p_instance and o.key = p_key returning 1
	)
	select exists (select 1 from gone)
$$;

revoke execute on function public.wh_metabase_objects_list(text) from public, anon, authenticated, analytics;
revoke execute on function public.wh_metabase_object_get(text, text) from public, anon, authenticated, analytics;
revoke execute on function public.wh_metabase_object_put(text, text, text, integer, text, text)
	from public, anon, authenticated, analytics;
revoke execute on function public.wh_metabase_object_delete(text, text) from public, anon, authenticated, analytics;
grant execute on function public.wh_metabase_objects_list(text) to service_role;
grant execute on function public.wh_metabase_object_get(text, text) to service_role;
grant execute on function public.wh_metabase_object_put(text, text, text, integer, text, text) to service_role;
grant execute on function public.wh_metabase_object_delete(text, text) to service_role;
