// Produtos (SKU): analytics.v_sku_day (fact_sku_day, docs/metrics.md). A SKU belongs to one client:
// without the client filter, rows are per (cliente, SKU) and rankings restart for each client.
import { clientClause, dayClause } from '../../domain/metabase/filters';
import type { QuestionDefinition } from '../../domain/metabase/definitions';

const WHERE = `where true
	${clientClause()}
	${dayClause()}`;

export const ranking: QuestionDefinition = {
	key: 'produtos.ranking',
	name: 'Ranking de SKUs',
	description: 'SKUs por receita bruta no período (1 = maior). "Sem SKU" marca a chave MLB… usada quando o anúncio não tem SKU.',
	display: 'table',
	sql: `select
	row_number() over (partition by client_id order by sum(gross_revenue) desc, sku) as posicao,
	client_name as cliente,
	sku,
	bool_or(sku_is_fallback) as sem_sku,
	sum(units_sold) as unidades,
	sum(orders_count) as pedidos,
	sum(gross_revenue) as receita,
	sum(sale_fees) as tarifas,
	sum(gross_revenue) - sum(sale_fees) as receita_liquida_tarifas,
	sum(visits) as visitas
from analytics.v_sku_day
${WHERE}
group by client_id, client_name, sku
having sum(units_sold) > 0
order by client_name, posicao`,
	columns: {
		posicao: { title: 'Posição', format: 'integer' },
		cliente: { title: 'Cliente', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		sem_sku: { title: 'Sem SKU', format: 'boolean' },
		unidades: { title: 'Unidades', format: 'integer' },
		pedidos: { title: 'Pedidos', format: 'integer' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		tarifas: { title: 'Tarifas de venda (R$)', format: 'brl' },
		receita_liquida_tarifas: { title: 'Receita − tarifas (R$)', format: 'brl' },
		visitas: { title: 'Visitas', format: 'integer' },
	},
};

export const curvaAbc: QuestionDefinition = {
	key: 'produtos.curva-abc',
	name: 'Curva ABC',
	description:
		'SKUs em ordem de receita com participação acumulada: A enquanto os SKUs anteriores somam menos de 80% da receita, ' +
		'B até 95%, C o resto.',
	display: 'table',
	sql: `with por_sku as (
	select client_id, client_name, sku, sum(gross_revenue) as receita
	from analytics.v_sku_day
	${WHERE}
	group by client_id, client_name, sku
	having sum(gross_revenue) > 0
), acumulado as (
	select *,
		sum(receita) over (partition by client_id) as total,
		coalesce(sum(receita) over (
			partition by client_id order by receita desc, sku rows between unbounded preceding and 1 preceding
		), 0) as anterior
	from por_sku
)
select client_name as cliente, sku, receita,
	round(receita / total, 4) as participacao,
	round((anterior + receita) / total, 4) as participacao_acumulada,
	case when anterior / total < 0.8 then 'A' when anterior / total < 0.95 then 'B' else 'C' end as classe
from acumulado
order by client_name, receita desc, sku`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		participacao: { title: 'Participação', format: 'percent' },
		participacao_acumulada: { title: 'Participação acumulada', format: 'percent' },
		classe: { title: 'Classe', format: 'text' },
	},
};

export const cancelamentos: QuestionDefinition = {
	key: 'produtos.cancelamentos',
	name: 'Cancelamentos por SKU',
	description: 'Unidades e valor de pedidos cancelados; taxa = canceladas ÷ (vendidas + canceladas).',
	display: 'table',
	sql: `select client_name as cliente, sku,
	sum(cancelled_units) as unidades_canceladas,
	sum(cancelled_revenue) as valor_cancelado,
	sum(units_sold) as unidades_vendidas,
	round(sum(cancelled_units)::numeric / nullif(sum(units_sold) + sum(cancelled_units), 0), 4) as taxa_cancelamento
from analytics.v_sku_day
${WHERE}
group by client_id, client_name, sku
having sum(cancelled_units) > 0
order by valor_cancelado desc, cliente, sku`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		unidades_canceladas: { title: 'Unidades canceladas', format: 'integer' },
		valor_cancelado: { title: 'Valor cancelado (R$)', format: 'brl' },
		unidades_vendidas: { title: 'Unidades vendidas', format: 'integer' },
		taxa_cancelamento: { title: 'Taxa de cancelamento', format: 'percent' },
	},
};

export const vendasSemSku: QuestionDefinition = {
	key: 'produtos.vendas-sem-sku',
	name: 'Vendas sem SKU',
	description: 'Vendas de anúncios sem SKU cadastrado (chave MLB… ou MLB…:variação): cadastre o SKU no Mercado Livre.',
	display: 'table',
	sql: `select client_name as cliente, sku as anuncio,
	sum(units_sold) as unidades,
	sum(orders_count) as pedidos,
	sum(gross_revenue) as receita
from analytics.v_sku_day
${WHERE}
	and sku_is_fallback
group by client_id, client_name, sku
having sum(units_sold) > 0
order by receita desc, cliente, anuncio`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		anuncio: { title: 'Anúncio (sem SKU)', format: 'text' },
		unidades: { title: 'Unidades', format: 'integer' },
		pedidos: { title: 'Pedidos', format: 'integer' },
		receita: { title: 'Receita (R$)', format: 'brl' },
	},
};
