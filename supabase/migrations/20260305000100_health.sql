-- A cheap check for credential tests and health endpoints: reachable, migrated, and how far.
create or replace function public.wh_health()
returns table (ok boolean, clients bigint, server_time timestamptz)
language sql
stable
as $$
	select true, (select count(*) from public.clients), now()
$$;

revoke execute on function public.wh_health() from public, anon, authenticated, analytics;
grant execute on function public.wh_health() to service_role;
