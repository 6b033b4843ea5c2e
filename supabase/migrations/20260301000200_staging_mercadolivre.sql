-- Raw Mercado Livre records as the extractors hand them over (domain/warehouse/staging-types.ts),
-- keyed by their natural ids so that a re-sync overwrites instead of duplicating. Money is kept
-- exactly as sent (numeric); instants as timestamptz (the offset is applied, the string is not cut).

create table public.ml_orders (
	client_id uuid not null references public.clients (id) on delete cascade,
	order_id text not null,
	status text not null,
	date_created timestamptz not null,
	date_last_updated timestamptz not null,
	total_amount numeric not null,
	currency_id text not null,
	primary key (client_id, order_id)
);
create index ml_orders_created_idx on public.ml_orders (client_id, date_created);

create table public.ml_order_lines (
	client_id uuid not null,
	order_id text not null,
	line_no integer not null check (line_no >= 0),
	item_id text not null,
	variation_id text,
	seller_sku text,
	quantity integer not null,
	unit_price numeric not null,
	sale_fee numeric,
	primary key (client_id, order_id, line_no),
	foreign key (client_id, order_id) references public.ml_orders (client_id, order_id) on delete cascade
);
-- Items arriving later change the SKU of their lines: find the days those lines belong to.
create index ml_order_lines_item_idx on public.ml_order_lines (client_id, item_id);

create table public.ml_items (
	client_id uuid not null references public.clients (id) on delete cascade,
	item_id text not null,
	title text,
	status text,
	sku_attribute text,
	seller_custom_field text,
	primary key (client_id, item_id)
);

create table public.ml_item_variations (
	client_id uuid not null references public.clients (id) on delete cascade,
	item_id text not null,
	variation_id text not null,
	sku_attribute text,
	seller_custom_field text,
	primary key (client_id, item_id, variation_id)
);

create table public.ml_visits (
	client_id uuid not null references public.clients (id) on delete cascade,
	item_id text not null,
	day date not null,
	visits integer not null check (visits >= 0),
	primary key (client_id, item_id, day)
);
create index ml_visits_day_idx on public.ml_visits (client_id, day);

create table public.ml_ad_group_metrics (
	client_id uuid not null references public.clients (id) on delete cascade,
	ad_group_id text not null,
	day date not null,
	campaign_id text,
	cost numeric not null,
	clicks integer not null,
	impressions integer not null,
	direct_amount numeric not null,
	indirect_amount numeric not null,
	primary key (client_id, ad_group_id, day)
);
create index ml_ad_group_metrics_day_idx on public.ml_ad_group_metrics (client_id, day);

create table public.ml_ad_group_items (
	client_id uuid not null references public.clients (id) on delete cascade,
	ad_group_id text not null,
	item_id text not null,
	primary key (client_id, ad_group_id, item_id)
);

-- Days whose facts are stale because staging changed under them; wh_refresh_dirty_facts clears them.
create table public.fact_dirty_days (
	client_id uuid not null references public.clients (id) on delete cascade,
	day date not null,
	primary key (client_id, day)
);
