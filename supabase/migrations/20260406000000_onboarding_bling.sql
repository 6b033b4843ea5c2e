-- Onboarding's optional "Conectar Bling" step (workflow onboarding-bling-callback). A Bling invite
-- (invites.provider = 'bling') keeps, in pkce_verifier_enc, the encrypted nonce of the latest
-- signed state its link produced (Bling has no PKCE). The callback claims that state once, before
-- it spends Bling's single-use code: exactly one request may exchange a code, and a state that
-- failed (the code expired after its minute) cannot be replayed — the link itself stays usable.

-- 'claimed' for exactly one caller: the nonce it read is still the invite's and the invite is usable.
create or replace function public.wh_invite_claim_start(p_id uuid, p_expected_enc text)
returns table (claimed boolean)
language sql
as $$
	with claimed as (
		update public.invites i set pkce_verifier_enc = null
		where i.id = p_id and i.pkce_verifier_enc = p_expected_enc
			and i.used_at is null and i.revoked_at is null and i.expires_at > now()
		returning i.id
	)
	select exists (select 1 from claimed)
$$;

-- The Bling account (company) that authorized, recorded on the client.
create or replace function public.wh_client_set_bling_account(p_client_id uuid, p_account_id text)
returns table (updated boolean)
language sql
as $$
	with changed as (
		update public.clients c set bling_account_id = p_account_id, updated_at = now()
		where c.id = p_client_id
		returning c.id
	)
	select exists (select 1 from changed)
$$;

revoke execute on function public.wh_invite_claim_start(uuid, text) from public, anon, authenticated, analytics;
revoke execute on function public.wh_client_set_bling_account(uuid, text) from public, anon, authenticated, analytics;
grant execute on function public.wh_invite_claim_start(uuid, text) to service_role;
grant execute on function public.wh_client_set_bling_account(uuid, text) to service_role;
