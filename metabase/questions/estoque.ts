// Estoque: the latest snapshot per (client, SKU, source, warehouse) (analytics.v_stock_latest).
// Stock cannot be observed in the past, so the date filter does not pick snapshots: it sets the
// sales window for coverage (default: the 30 days ending today, São Paulo). Cobertura em dias =
// saldo ÷ (unidades vendidas no período ÷ dias do período), 1 casa; vazio sem vendas.
import { clientClause, END_DATE_PARAMETER, START_DATE_PARAMETER } from '../../domain/metabase/filters';
import type { QuestionDefinition } from '../../domain/metabase/definitions';

const SALES_WINDOW = `fim as (
	select cast(coalesce([[{{${END_DATE_PARAMETER.slug}}},]] (now() at time zone 'America/Sao_Paulo')::date) as date) as fim
), periodo as (
	select cast(coalesce([[{{${START_DATE_PARAMETER.slug}}},]] fim - 29) as date) as inicio, fim from fim
), vendas as (
	select v.client_id, v.sku, sum(v.units_sold) as vendidas
	from analytics.v_sku_day v cross join periodo p
	where v.day between p.inicio and p.fim
		${clientClause('v.client_id')}
	group by v.client_id, v.sku
), dias as (
	select fim - inicio + 1 as dias from periodo
)`;

export const coberturaGeral: QuestionDefinition = {
	key: 'estoque.cobertura-geral',
	name: 'Cobertura do estoque',
	description: 'Saldo total ÷ venda média diária (dos SKUs com estoque) no período, em dias.',
	display: 'scalar',
	sql: `with ${SALES_WINDOW}
select round(
	(select sum(s.quantity) from analytics.v_stock_latest s where true ${clientClause('s.client_id')})
	-- Only the sales of SKUs that have stock: a SKU nobody stocks would shorten every coverage.
	/ nullif((
		select coalesce(sum(v.vendidas), 0) from vendas v
		where exists (select 1 from analytics.v_stock_latest s where s.client_id = v.client_id and s.sku = v.sku)
	)::numeric / (select dias from dias), 0),
	1
) as cobertura_dias`,
	columns: { cobertura_dias: { title: 'Cobertura (dias)', format: 'days' } },
};

export const coberturaPorSku: QuestionDefinition = {
	key: 'estoque.cobertura-por-sku',
	name: 'Cobertura por SKU',
	description: 'Saldo somado de todos os depósitos, vendas do período e cobertura em dias; menor cobertura primeiro.',
	display: 'table',
	sql: `with ${SALES_WINDOW}, saldo as (
	select s.client_id, s.client_name, s.sku, sum(s.quantity) as saldo,
		round(sum(s.quantity * s.unit_cost), 2) as valor_estoque
	from analytics.v_stock_latest s
	where true ${clientClause('s.client_id')}
	group by s.client_id, s.client_name, s.sku
)
select s.client_name as cliente, s.sku, s.saldo, s.valor_estoque,
	coalesce(v.vendidas, 0) as vendidas_periodo,
	round(coalesce(v.vendidas, 0)::numeric / d.dias, 2) as media_diaria,
	round(s.saldo / nullif(coalesce(v.vendidas, 0)::numeric / d.dias, 0), 1) as cobertura_dias
from saldo s cross join dias d
left join vendas v on v.client_id = s.client_id and v.sku = s.sku
order by cobertura_dias asc nulls last, cliente, sku`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		saldo: { title: 'Saldo (un.)', format: 'integer' },
		valor_estoque: { title: 'Valor em estoque (R$)', format: 'brl' },
		vendidas_periodo: { title: 'Vendidas no período', format: 'integer' },
		media_diaria: { title: 'Média diária', format: 'decimal' },
		cobertura_dias: { title: 'Cobertura (dias)', format: 'days' },
	},
};

export const saldoPorDeposito: QuestionDefinition = {
	key: 'estoque.saldo-por-deposito',
	name: 'Último saldo por SKU e depósito',
	description:
		'Último saldo de cada SKU em cada origem (Bling, UpSeller, Mercado Livre) e depósito, com o custo unitário e a ' +
		'cobertura que esse saldo daria no ritmo de vendas do SKU no período.',
	display: 'table',
	sql: `with ${SALES_WINDOW}
select s.client_name as cliente, s.sku, s.source as origem,
	coalesce(nullif(s.warehouse, ''), '—') as deposito,
	s.quantity as saldo,
	s.unit_cost as custo_unitario,
	round(s.quantity * s.unit_cost, 2) as valor_estoque,
	round(s.quantity / nullif(coalesce(v.vendidas, 0)::numeric / d.dias, 0), 1) as cobertura_dias,
	s.taken_at as atualizado_em
from analytics.v_stock_latest s cross join dias d
left join vendas v on v.client_id = s.client_id and v.sku = s.sku
where true ${clientClause('s.client_id')}
order by cliente, s.sku, origem, deposito`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		origem: { title: 'Origem', format: 'text' },
		deposito: { title: 'Depósito', format: 'text' },
		saldo: { title: 'Saldo (un.)', format: 'integer' },
		custo_unitario: { title: 'Custo unitário (R$)', format: 'brl' },
		valor_estoque: { title: 'Valor em estoque (R$)', format: 'brl' },
		cobertura_dias: { title: 'Cobertura (dias)', format: 'days' },
		atualizado_em: { title: 'Atualizado em', format: 'datetime' },
	},
};
