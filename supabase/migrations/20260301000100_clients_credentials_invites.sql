-- Clients, their provider credentials (tokens encrypted by the application before they get here)
-- and onboarding invites.

create table public.clients (
	id uuid primary key default gen_random_uuid(),
	name text not null check (btrim(name) <> '' and length(name) <= 200),
	contact_email text not null check (contact_email ~ '^[^@[:space:]]+@[^@[:space:]]+\.[^@[:space:]]+$'),
	-- CPF (11 digits) or CNPJ (14 characters: 12 alphanumeric + 2 check digits, the 2026 format
	-- included). Check digits are verified by domain/validation before anything is written.
	document text check (document ~ '^([0-9]{11}|[0-9A-Z]{12}[0-9]{2})$'),
	document_type text generated always as (
		case when document is null then null when length(document) = 11 then 'cpf' else 'cnpj' end
	) stored,
	ml_user_id text check (ml_user_id ~ '^[0-9]+$'),
	bling_account_id text,
	upseller_account_id text,
	status text not null default 'invited'
		check (status in ('invited', 'authorized', 'backfilling', 'ready', 'needs_reauth', 'disabled')),
	status_changed_at timestamptz not null default now(),
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now()
);
-- Staff find clients by name: names are unique regardless of case.
create unique index clients_name_key on public.clients (lower(name));
create unique index clients_ml_user_id_key on public.clients (ml_user_id) where ml_user_id is not null;

-- Every lifecycle change with its time (the clients row keeps only the latest).
create table public.client_status_changes (
	id bigint generated always as identity primary key,
	client_id uuid not null references public.clients (id) on delete cascade,
	from_status text,
	to_status text not null,
	reason text,
	changed_at timestamptz not null default now()
);
create index client_status_changes_client_idx on public.client_status_changes (client_id, changed_at);

create table public.provider_credentials (
	client_id uuid not null references public.clients (id) on delete cascade,
	provider text not null check (provider in ('mercadolivre', 'bling', 'upseller')),
	-- `v1:<keyId>:<iv>:<tag>:<ciphertext>` (AES-256-GCM), never the token itself.
	access_token_enc text check (access_token_enc like 'v1:%'),
	refresh_token_enc text check (refresh_token_enc like 'v1:%'),
	expires_at timestamptz not null,
	scopes text[] not null default '{}',
	provider_account_id text,
	-- Bumped by every change of the token pair: refreshes claim and complete against it.
	version bigint not null default 1,
	refresh_lease_owner text,
	refresh_lease_until timestamptz,
	needs_reauth boolean not null default false,
	last_refreshed_at timestamptz,
	last_refresh_error text,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (client_id, provider)
);

create table public.invites (
	id uuid primary key default gen_random_uuid(),
	client_id uuid not null references public.clients (id) on delete cascade,
	provider text not null default 'mercadolivre' check (provider in ('mercadolivre', 'bling', 'upseller')),
	-- sha256 (hex) of the token in the link: the token itself is never stored.
	token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
	pkce_verifier_enc text check (pkce_verifier_enc like 'v1:%'),
	created_by text,
	created_at timestamptz not null default now(),
	expires_at timestamptz not null,
	used_at timestamptz,
	revoked_at timestamptz,
	check (expires_at > created_at)
);
create index invites_client_idx on public.invites (client_id);
