-- Functions both transports call (pg: `select * from fn(...)`, supabase-js: rpc). Convention:
-- every function returns a set (table or setof) so both transports see rows; money and other
-- exact values come back as text (PostgREST would turn numeric into JSON numbers).
-- Errors meant for people use SQLSTATE class VW: VW001 invalid transition, VW002 not found,
-- VW003 stale version, VW004 bad argument.

create or replace function public.wh_client_status_allowed(p_from text, p_to text)
returns boolean
language sql immutable
as $$
	select p_from = p_to or case p_to
		when 'authorized' then p_from in ('invited', 'needs_reauth', 'backfilling', 'ready', 'disabled')
		when 'backfilling' then p_from in ('authorized', 'ready')
		when 'ready' then p_from in ('backfilling')
		when 'needs_reauth' then p_from in ('authorized', 'backfilling', 'ready')
		when 'disabled' then true
		when 'invited' then p_from in ('disabled', 'needs_reauth')
		else false
	end
$$;

create or replace function public.wh_client_create(
	p_name text,
	p_contact_email text,
	p_document text default null,
	p_ml_user_id text default null,
	-- [{provider, accessTokenEnc, refreshTokenEnc, expiresAt, scopes, accountId}], already encrypted
	p_credentials jsonb default '[]'::jsonb
)
returns setof public.clients
language plpgsql
as $$
declare
	v_client public.clients;
	v_status text;
begin
	v_status := case
		when exists (select 1 from jsonb_array_elements(coalesce(p_credentials, '[]')) c where c ->> 'refreshTokenEnc' is not null)
			then 'authorized'
		else 'invited'
	end;
	insert into public.clients (name, contact_email, document, ml_user_id, status)
	values (btrim(p_name), lower(btrim(p_contact_email)), p_document, p_ml_user_id, v_status)
	returning * into v_client;
	insert into public.client_status_changes (client_id, from_status, to_status, reason)
	values (v_client.id, null, v_status, 'created');
	insert into public.provider_credentials (
		client_id, provider, access_token_enc, refresh_token_enc, expires_at, scopes, provider_account_id
	)
	select v_client.id, c.provider, c."accessTokenEnc", c."refreshTokenEnc", c."expiresAt",
		coalesce(c.scopes, '{}'), c."accountId"
	from jsonb_to_recordset(coalesce(p_credentials, '[]')) as c(
		provider text, "accessTokenEnc" text, "refreshTokenEnc" text, "expiresAt" timestamptz,
		scopes text[], "accountId" text
	);
	return next v_client;
end
$$;

create or replace function public.wh_client_get(p_id uuid)
returns setof public.clients
language sql stable
as $$ select * from public.clients where id = p_id $$;

-- By id when the reference is a uuid, otherwise by name (case-insensitive).
create or replace function public.wh_client_find(p_ref text)
returns setof public.clients
language sql stable
as $$
	select * from public.clients
	where case
		when p_ref ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then id = p_ref::uuid
		else lower(name) = lower(btrim(p_ref))
	end
$$;

create or replace function public.wh_client_list()
returns setof public.clients
language sql stable
as $$ select * from public.clients order by lower(name) $$;

create or replace function public.wh_client_set_status(p_id uuid, p_status text, p_reason text default null)
returns setof public.clients
language plpgsql
as $$
declare
	v_client public.clients;
begin
	select * into v_client from public.clients where id = p_id for update;
	if not found then
		raise exception 'client % not found', p_id using errcode = 'VW002';
	end if;
	if not public.wh_client_status_allowed(v_client.status, p_status) then
		raise exception 'client status cannot change from % to %', v_client.status, p_status using errcode = 'VW001';
	end if;
	if v_client.status <> p_status then
		insert into public.client_status_changes (client_id, from_status, to_status, reason)
		values (p_id, v_client.status, p_status, p_reason);
		update public.clients set status = p_status, status_changed_at = now(), updated_at = now()
		where id = p_id returning * into v_client;
	end if;
	return next v_client;
end
$$;

create or replace function public.wh_client_status_history(p_id uuid)
returns table (from_status text, to_status text, reason text, changed_at timestamptz)
language sql stable
as $$
	select from_status, to_status, reason, changed_at from public.client_status_changes
	where client_id = p_id order by changed_at, id
$$;

-- Credentials -------------------------------------------------------------------------------

create or replace function public.wh_credentials_store(
	p_client_id uuid,
	p_provider text,
	p_access_enc text,
	p_refresh_enc text,
	p_expires_at timestamptz,
	p_scopes text[] default '{}',
	p_account_id text default null
)
returns table (version bigint)
language plpgsql
as $$
begin
	if not exists (select 1 from public.clients where id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	return query
	insert into public.provider_credentials as pc (
		client_id, provider, access_token_enc, refresh_token_enc, expires_at, scopes, provider_account_id
	)
	values (p_client_id, p_provider, p_access_enc, p_refresh_enc, p_expires_at, coalesce(p_scopes, '{}'), p_account_id)
	on conflict (client_id, provider) do update set
		access_token_enc = excluded.access_token_enc,
		refresh_token_enc = excluded.refresh_token_enc,
		expires_at = excluded.expires_at,
		scopes = excluded.scopes,
		provider_account_id = coalesce(excluded.provider_account_id, pc.provider_account_id),
		version = pc.version + 1,
		refresh_lease_owner = null,
		refresh_lease_until = null,
		needs_reauth = false,
		last_refresh_error = null,
		updated_at = now()
	returning pc.version;
end
$$;

-- Everything a caller needs to decide whether to refresh, judged on the database clock so that
-- processes with skewed clocks agree.
create or replace function public.wh_credentials_get(p_client_id uuid, p_provider text)
returns table (
	access_token_enc text,
	refresh_token_enc text,
	expires_at timestamptz,
	expires_in_seconds double precision,
	scopes text[],
	provider_account_id text,
	version bigint,
	lease_active boolean,
	needs_reauth boolean
)
language sql stable
as $$
	select access_token_enc, refresh_token_enc, expires_at,
		extract(epoch from expires_at - now())::double precision,
		scopes, provider_account_id, version,
		coalesce(refresh_lease_until > now(), false), needs_reauth
	from public.provider_credentials
	where client_id = p_client_id and provider = p_provider
$$;

-- Single-flight refresh, step 1: whoever flips the lease while the version is unchanged refreshes;
-- everyone else waits for the version to change. The row lock makes the claim atomic across processes.
create or replace function public.wh_credentials_claim_refresh(
	p_client_id uuid,
	p_provider text,
	p_expected_version bigint,
	p_owner text,
	p_lease_seconds integer default 60
)
returns table (claimed boolean)
language plpgsql
as $$
begin
	update public.provider_credentials
	set refresh_lease_owner = p_owner,
		refresh_lease_until = now() + make_interval(secs => p_lease_seconds)
	where client_id = p_client_id and provider = p_provider
		and version = p_expected_version
		and not needs_reauth
		and (refresh_lease_until is null or refresh_lease_until <= now());
	return query select found;
end
$$;

-- Step 2: the new pair replaces the old one in one statement, before anyone uses it. A null
-- refresh token keeps the stored one (providers that do not rotate refresh tokens).
create or replace function public.wh_credentials_complete_refresh(
	p_client_id uuid,
	p_provider text,
	p_expected_version bigint,
	p_owner text,
	p_access_enc text,
	p_refresh_enc text,
	p_expires_at timestamptz,
	p_scopes text[] default null,
	p_account_id text default null
)
returns table (version bigint)
language plpgsql
as $$
declare
	v_version bigint;
begin
	update public.provider_credentials pc
	set access_token_enc = p_access_enc,
		refresh_token_enc = coalesce(p_refresh_enc, pc.refresh_token_enc),
		expires_at = p_expires_at,
		scopes = coalesce(p_scopes, pc.scopes),
		provider_account_id = coalesce(p_account_id, pc.provider_account_id),
		version = pc.version + 1,
		refresh_lease_owner = null,
		refresh_lease_until = null,
		last_refreshed_at = now(),
		last_refresh_error = null,
		updated_at = now()
	where pc.client_id = p_client_id and pc.provider = p_provider and pc.version = p_expected_version
	returning pc.version into v_version;
	if v_version is null then
		raise exception 'credentials of client % (%) changed during the refresh (owner %)', p_client_id, p_provider, p_owner
			using errcode = 'VW003';
	end if;
	return query select v_version;
end
$$;

-- Step 2 when the refresh failed: release the lease; on invalid_grant the stored pair is dead, so
-- flag it (waiters see the new version and stop) and move the client to needs_reauth.
create or replace function public.wh_credentials_fail_refresh(
	p_client_id uuid,
	p_provider text,
	p_owner text,
	p_error text,
	p_needs_reauth boolean
)
returns table (version bigint, client_status text)
language plpgsql
as $$
begin
	update public.provider_credentials pc
	set refresh_lease_owner = null,
		refresh_lease_until = null,
		last_refresh_error = left(p_error, 500),
		needs_reauth = pc.needs_reauth or p_needs_reauth,
		version = pc.version + case when p_needs_reauth then 1 else 0 end,
		updated_at = now()
	where pc.client_id = p_client_id and pc.provider = p_provider
		and (pc.refresh_lease_owner = p_owner or pc.refresh_lease_owner is null or p_needs_reauth);
	if p_needs_reauth then
		perform public.wh_client_mark_needs_reauth(p_client_id, p_provider || ': ' || left(p_error, 200));
	end if;
	return query
	select pc.version, c.status
	from public.provider_credentials pc join public.clients c on c.id = pc.client_id
	where pc.client_id = p_client_id and pc.provider = p_provider;
end
$$;

create or replace function public.wh_client_mark_needs_reauth(p_client_id uuid, p_reason text)
returns setof public.clients
language plpgsql
as $$
declare
	v_status text;
begin
	select status into v_status from public.clients where id = p_client_id for update;
	if v_status is null then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	-- A disabled client stays disabled; an invited one has nothing to re-authorize yet.
	if v_status in ('authorized', 'backfilling', 'ready') then
		return query select * from public.wh_client_set_status(p_client_id, 'needs_reauth', p_reason);
	else
		return query select * from public.clients where id = p_client_id;
	end if;
end
$$;

create or replace function public.wh_credentials_mark_needs_reauth(p_client_id uuid, p_provider text, p_reason text)
returns table (client_status text)
language plpgsql
as $$
begin
	update public.provider_credentials
	set needs_reauth = true, version = version + 1, refresh_lease_owner = null, refresh_lease_until = null,
		last_refresh_error = left(p_reason, 500), updated_at = now()
	where client_id = p_client_id and provider = p_provider;
	return query select status from public.wh_client_mark_needs_reauth(p_client_id, p_provider || ': ' || left(p_reason, 200));
end
$$;

-- Summary without any ciphertext (CLI `clients show`, bot).
create or replace function public.wh_credentials_list(p_client_id uuid)
returns table (
	provider text, expires_at timestamptz, scopes text[], provider_account_id text, version bigint,
	needs_reauth boolean, has_refresh_token boolean, last_refreshed_at timestamptz, last_refresh_error text
)
language sql stable
as $$
	select provider, expires_at, scopes, provider_account_id, version, needs_reauth,
		refresh_token_enc is not null, last_refreshed_at, last_refresh_error
	from public.provider_credentials where client_id = p_client_id order by provider
$$;

-- Key rotation: list every stored secret, then swap each ciphertext only if it is still the one
-- read (a concurrent refresh wins and is left alone; it already wrote with the current key).
create or replace function public.wh_secrets_list()
returns table (kind text, ref text, ciphertexts text[])
language sql stable
as $$
	select 'credentials', client_id::text || '/' || provider, array[access_token_enc, refresh_token_enc]
	from public.provider_credentials
	union all
	select 'invite', id::text, array[pkce_verifier_enc]
	from public.invites where pkce_verifier_enc is not null
	order by 1, 2
$$;

create or replace function public.wh_secret_reencrypt(p_kind text, p_ref text, p_old text[], p_new text[])
returns table (updated boolean)
language plpgsql
as $$
begin
	if p_kind = 'credentials' then
		update public.provider_credentials
		set access_token_enc = p_new[1], refresh_token_enc = p_new[2], updated_at = now()
		where client_id = split_part(p_ref, '/', 1)::uuid and provider = split_part(p_ref, '/', 2)
			and access_token_enc is not distinct from p_old[1] and refresh_token_enc is not distinct from p_old[2];
	elsif p_kind = 'invite' then
		update public.invites set pkce_verifier_enc = p_new[1]
		where id = p_ref::uuid and pkce_verifier_enc is not distinct from p_old[1];
	else
		raise exception 'unknown secret kind %', p_kind using errcode = 'VW004';
	end if;
	return query select found;
end
$$;

-- Invites -----------------------------------------------------------------------------------

create or replace function public.wh_invite_create(
	p_client_id uuid,
	p_token_hash text,
	p_expires_at timestamptz,
	p_provider text default 'mercadolivre',
	p_pkce_verifier_enc text default null,
	p_created_by text default null
)
returns table (id uuid, expires_at timestamptz)
language plpgsql
as $$
begin
	if not exists (select 1 from public.clients c where c.id = p_client_id) then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	return query
	insert into public.invites as i (client_id, token_hash, expires_at, provider, pkce_verifier_enc, created_by)
	values (p_client_id, p_token_hash, p_expires_at, p_provider, p_pkce_verifier_enc, p_created_by)
	returning i.id, i.expires_at;
end
$$;

create or replace function public.wh_invite_state(i public.invites)
returns text
language sql stable
as $$
	select case
		when i.revoked_at is not null then 'revoked'
		when i.used_at is not null then 'used'
		when i.expires_at <= now() then 'expired'
		else 'valid'
	end
$$;

create or replace function public.wh_invite_inspect(p_token_hash text)
returns table (id uuid, client_id uuid, provider text, state text, expires_at timestamptz, pkce_verifier_enc text)
language sql stable
as $$
	select i.id, i.client_id, i.provider, public.wh_invite_state(i), i.expires_at, i.pkce_verifier_enc
	from public.invites i where i.token_hash = p_token_hash
$$;

create or replace function public.wh_invite_set_pkce(p_token_hash text, p_pkce_verifier_enc text)
returns table (updated boolean)
language plpgsql
as $$
begin
	update public.invites i set pkce_verifier_enc = p_pkce_verifier_enc
	where i.token_hash = p_token_hash and i.used_at is null and i.revoked_at is null and i.expires_at > now();
	return query select found;
end
$$;

-- Single use: the update succeeds for exactly one caller; the others learn why not.
create or replace function public.wh_invite_consume(p_token_hash text)
returns table (id uuid, client_id uuid, provider text, state text, pkce_verifier_enc text)
language plpgsql
as $$
begin
	return query
	update public.invites i set used_at = now()
	where i.token_hash = p_token_hash and i.used_at is null and i.revoked_at is null and i.expires_at > now()
	returning i.id, i.client_id, i.provider, 'consumed'::text, i.pkce_verifier_enc;
	if not found then
		return query
		select i.id, i.client_id, i.provider, public.wh_invite_state(i), null::text
		from public.invites i where i.token_hash = p_token_hash;
	end if;
end
$$;

create or replace function public.wh_invite_revoke(p_id uuid)
returns table (revoked boolean)
language plpgsql
as $$
begin
	update public.invites i set revoked_at = now() where i.id = p_id and i.revoked_at is null and i.used_at is null;
	return query select found;
end
$$;
