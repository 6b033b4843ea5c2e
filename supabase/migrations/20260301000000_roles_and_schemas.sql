-- Roles Supabase provides out of the box do not exist on plain PostgreSQL (embedded default, tests):
-- create them when missing so every later migration runs unchanged on both. Roles are cluster-wide,
-- so two databases migrating at once may race: a duplicate is fine.
do $$
declare
	v_role record;
begin
	for v_role in
		select * from (values
			('anon', 'nologin noinherit'),
			('authenticated', 'nologin noinherit'),
			('service_role', 'nologin noinherit bypassrls'),
			('analytics', 'nologin')
		) as r(name, options)
	loop
		if not exists (select 1 from pg_roles where rolname = v_role.name) then
			begin
				execute format('create role %I %s', v_role.name, v_role.options);
			exception when duplicate_object or unique_violation then
				null;
			end;
		end if;
	end loop;
end
$$;

-- Dashboards (Metabase) read only views of this schema, through the `analytics` role.
create schema if not exists analytics;
revoke all on schema analytics from public;
grant usage on schema analytics to analytics;
