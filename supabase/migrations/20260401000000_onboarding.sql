-- Onboarding (workflows onboarding-invite / onboarding-callback): the signed OAuth state names an
-- invite by id, so the callback reads and uses invites by id; a new invite revokes the client's
-- open ones; and the Mercado Livre account that authorizes is bound to the client once, refusing
-- an account that is not the one on file or that belongs to another client.

create or replace function public.wh_invite_get(p_id uuid)
returns table (id uuid, client_id uuid, provider text, state text, expires_at timestamptz, pkce_verifier_enc text)
language sql stable
as $$
	select i.id, i.client_id, i.provider, public.wh_invite_state(i), i.expires_at, i.pkce_verifier_enc
	from public.invites i where i.id = p_id
$$;

-- Single use, like wh_invite_consume: exactly one caller gets 'consumed'.
create or replace function public.wh_invite_consume_by_id(p_id uuid)
returns table (id uuid, client_id uuid, provider text, state text, pkce_verifier_enc text)
language plpgsql
as $$
begin
	return query
	update public.invites i set used_at = now()
	where i.id = p_id and i.used_at is null and i.revoked_at is null and i.expires_at > now()
	returning i.id, i.client_id, i.provider, 'consumed'::text, i.pkce_verifier_enc;
	if not found then
		return query
		select i.id, i.client_id, i.provider, public.wh_invite_state(i), null::text
		from public.invites i where i.id = p_id;
	end if;
end
$$;

-- Re-sending an invite: every still-usable link of the client (for that provider) stops working.
create or replace function public.wh_invite_revoke_open(p_client_id uuid, p_provider text default 'mercadolivre')
returns table (id uuid)
language sql
as $$
	update public.invites i set revoked_at = now()
	where i.client_id = p_client_id and i.provider = p_provider
		and i.revoked_at is null and i.used_at is null and i.expires_at > now()
	returning i.id
$$;

-- outcome: 'bound' (first account), 'same' (already this one), 'other_account' (the client has
-- another account on file), 'other_client' (the account belongs to another client). Only 'bound'
-- writes.
create or replace function public.wh_client_bind_ml_user(p_client_id uuid, p_ml_user_id text)
returns table (outcome text, current_ml_user_id text, other_client_id uuid)
language plpgsql
as $$
declare
	v_client public.clients;
	v_account text;
	v_other uuid;
begin
	select * into v_client from public.clients c where c.id = p_client_id for update;
	if not found then
		raise exception 'client % not found', p_client_id using errcode = 'VW002';
	end if;
	select pc.provider_account_id into v_account from public.provider_credentials pc
	where pc.client_id = p_client_id and pc.provider = 'mercadolivre';
	v_account := coalesce(v_client.ml_user_id, v_account);
	if v_account is not null and v_account <> p_ml_user_id then
		return query select 'other_account'::text, v_account, null::uuid;
		return;
	end if;
	select c.id into v_other from public.clients c where c.ml_user_id = p_ml_user_id and c.id <> p_client_id;
	if v_other is null then
		select pc.client_id into v_other from public.provider_credentials pc
		where pc.provider = 'mercadolivre' and pc.provider_account_id = p_ml_user_id and pc.client_id <> p_client_id
		limit 1;
	end if;
	if v_other is not null then
		return query select 'other_client'::text, v_account, v_other;
		return;
	end if;
	if v_client.ml_user_id is null then
		update public.clients c set ml_user_id = p_ml_user_id, updated_at = now() where c.id = p_client_id;
		return query select 'bound'::text, p_ml_user_id, null::uuid;
		return;
	end if;
	return query select 'same'::text, v_account, null::uuid;
end
$$;

revoke execute on function public.wh_invite_get(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_invite_consume_by_id(uuid) from public, anon, authenticated, analytics;
revoke execute on function public.wh_invite_revoke_open(uuid, text) from public, anon, authenticated, analytics;
revoke execute on function public.wh_client_bind_ml_user(uuid, text) from public, anon, authenticated, analytics;
grant execute on function public.wh_invite_get(uuid) to service_role;
grant execute on function public.wh_invite_consume_by_id(uuid) to service_role;
grant execute on function public.wh_invite_revoke_open(uuid, text) to service_role;
grant execute on function public.wh_client_bind_ml_user(uuid, text) to service_role;
