-- Derived tables, exactly as docs/metrics.md defines them. Only SQL functions write them
-- (wh_refresh_client_facts); money is numeric with two decimals, ratios are rounded when stored.

create table public.fact_sku_day (
	client_id uuid not null references public.clients (id) on delete cascade,
	day date not null,
	sku text not null,
	-- true when no rule 1-3 SKU exists: `sku` is the `MLB…[:variation]` fallback key ("sem SKU").
	sku_is_fallback boolean not null,
	units_sold bigint not null default 0,
	orders_count integer not null default 0,
	gross_revenue numeric(16, 2) not null default 0,
	sale_fees numeric(16, 2) not null default 0,
	cancelled_units bigint not null default 0,
	cancelled_revenue numeric(16, 2) not null default 0,
	visits bigint not null default 0,
	ads_cost numeric(16, 2) not null default 0,
	ads_clicks bigint not null default 0,
	ads_impressions bigint not null default 0,
	ads_revenue numeric(16, 2) not null default 0,
	primary key (client_id, day, sku)
);

create table public.agg_client_day (
	client_id uuid not null references public.clients (id) on delete cascade,
	day date not null,
	units_sold bigint not null default 0,
	orders_count integer not null default 0,
	gross_revenue numeric(16, 2) not null default 0,
	sale_fees numeric(16, 2) not null default 0,
	cancelled_units bigint not null default 0,
	cancelled_revenue numeric(16, 2) not null default 0,
	cancelled_orders integer not null default 0,
	avg_ticket numeric(16, 2),
	visits bigint not null default 0,
	ads_cost numeric(16, 2) not null default 0,
	ads_clicks bigint not null default 0,
	ads_impressions bigint not null default 0,
	ads_revenue numeric(16, 2) not null default 0,
	acos numeric(12, 4),
	primary key (client_id, day)
);

-- Product Ads metrics per ad group and day: client totals stay complete where no SKU split exists.
-- `sku` is set only when the ad group holds exactly one item.
create table public.fact_ads_day (
	client_id uuid not null references public.clients (id) on delete cascade,
	day date not null,
	ad_group_id text not null,
	campaign_id text,
	ads_cost numeric(16, 2) not null,
	ads_clicks bigint not null,
	ads_impressions bigint not null,
	direct_amount numeric(16, 2) not null,
	indirect_amount numeric(16, 2) not null,
	ads_revenue numeric(16, 2) not null,
	item_count integer not null,
	item_id text,
	sku text,
	sku_is_fallback boolean,
	primary key (client_id, day, ad_group_id)
);

-- Stock can only be observed now: one snapshot per sync and (client, sku, source, warehouse).
create table public.stock_snapshots (
	id bigint generated always as identity primary key,
	client_id uuid not null references public.clients (id) on delete cascade,
	sku text not null,
	source text not null check (source in ('bling', 'upseller', 'mercadolivre')),
	warehouse text not null default '',
	taken_at timestamptz not null,
	quantity numeric not null,
	unit_cost numeric(16, 4),
	unique (client_id, sku, source, warehouse, taken_at)
);

-- Bling finance per day (filled by the Bling ETL).
create table public.fin_client_day (
	client_id uuid not null references public.clients (id) on delete cascade,
	day date not null,
	receivable_due numeric(16, 2) not null default 0,
	received numeric(16, 2) not null default 0,
	payable_due numeric(16, 2) not null default 0,
	paid numeric(16, 2) not null default 0,
	receivable_overdue numeric(16, 2) not null default 0,
	payable_overdue numeric(16, 2) not null default 0,
	primary key (client_id, day)
);
