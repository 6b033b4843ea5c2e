// Visão geral: the client's day totals (analytics.v_client_day = agg_client_day, docs/metrics.md).
// Period ratios are recomputed from period sums (Σ receita / Σ pedidos), never averaged per day.
import { clientClause, dayClause } from '../../domain/metabase/filters';
import type { QuestionDefinition } from '../../domain/metabase/definitions';

const FROM = `from analytics.v_client_day
where true
	${clientClause()}
	${dayClause()}`;

function total(key: string, name: string, description: string, expression: string, title: string, format: 'brl' | 'integer' | 'percent'): QuestionDefinition {
	return {
		key: `visao-geral.${key}`,
		name,
		description,
		display: 'scalar',
		sql: `select ${expression} as ${key.replace(/-/g, '_')}\n${FROM}`,
		columns: { [key.replace(/-/g, '_')]: { title, format } },
	};
}

export const receita = total(
	'receita',
	'Receita',
	'Receita bruta das vendas (pedidos pagos ou parcialmente reembolsados): Σ quantidade × preço unitário.',
	'coalesce(sum(gross_revenue), 0)',
	'Receita (R$)',
	'brl',
);

export const pedidos = total(
	'pedidos',
	'Pedidos',
	'Pedidos de venda distintos no período (um pedido com dois SKUs conta uma vez).',
	'coalesce(sum(orders_count), 0)',
	'Pedidos',
	'integer',
);

export const ticketMedio = total(
	'ticket-medio',
	'Ticket médio',
	'Receita ÷ pedidos no período, 2 casas; vazio sem pedidos.',
	'round(sum(gross_revenue) / nullif(sum(orders_count), 0), 2)',
	'Ticket médio (R$)',
	'brl',
);

export const unidades = total(
	'unidades',
	'Unidades vendidas',
	'Σ quantidade das linhas de pedidos de venda.',
	'coalesce(sum(units_sold), 0)',
	'Unidades',
	'integer',
);

export const acos = total(
	'acos',
	'ACOS',
	'Custo de anúncios ÷ receita de anúncios (Product Ads, direta + indireta), 4 casas; vazio sem receita de anúncios.',
	'round(sum(ads_cost) / nullif(sum(ads_revenue), 0), 4)',
	'ACOS',
	'percent',
);

export const visitas = total(
	'visitas',
	'Visitas',
	'Visitas de todos os anúncios no período.',
	'coalesce(sum(visits), 0)',
	'Visitas',
	'integer',
);

export const vendasPorDia: QuestionDefinition = {
	key: 'visao-geral.vendas-por-dia',
	name: 'Receita e pedidos por dia',
	description: 'Receita bruta e pedidos de venda por dia (dia em America/Sao_Paulo).',
	display: 'combo',
	sql: `select day as dia, sum(gross_revenue) as receita, sum(orders_count) as pedidos
${FROM}
group by day
order by day`,
	columns: {
		dia: { title: 'Dia', format: 'date' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		pedidos: { title: 'Pedidos', format: 'integer' },
	},
	chart: { dimension: 'dia', metrics: ['receita', 'pedidos'] },
};

export const visitasPorDia: QuestionDefinition = {
	key: 'visao-geral.visitas-por-dia',
	name: 'Visitas por dia',
	description: 'Visitas de todos os anúncios por dia.',
	display: 'bar',
	sql: `select day as dia, sum(visits) as visitas
${FROM}
group by day
order by day`,
	columns: {
		dia: { title: 'Dia', format: 'date' },
		visitas: { title: 'Visitas', format: 'integer' },
	},
	chart: { dimension: 'dia', metrics: ['visitas'] },
};

export const resumoDiario: QuestionDefinition = {
	key: 'visao-geral.resumo-diario',
	name: 'Resumo por dia',
	description: 'Receita, pedidos, ticket médio, unidades, ACOS e visitas de cada dia.',
	display: 'table',
	sql: `select day as dia,
	sum(gross_revenue) as receita,
	sum(orders_count) as pedidos,
	round(sum(gross_revenue) / nullif(sum(orders_count), 0), 2) as ticket_medio,
	sum(units_sold) as unidades,
	sum(cancelled_orders) as pedidos_cancelados,
	sum(ads_cost) as custo_anuncios,
	round(sum(ads_cost) / nullif(sum(ads_revenue), 0), 4) as acos,
	sum(visits) as visitas
${FROM}
group by day
order by day desc`,
	columns: {
		dia: { title: 'Dia', format: 'date' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		pedidos: { title: 'Pedidos', format: 'integer' },
		ticket_medio: { title: 'Ticket médio (R$)', format: 'brl' },
		unidades: { title: 'Unidades', format: 'integer' },
		pedidos_cancelados: { title: 'Pedidos cancelados', format: 'integer' },
		custo_anuncios: { title: 'Custo de anúncios (R$)', format: 'brl' },
		acos: { title: 'ACOS', format: 'percent' },
		visitas: { title: 'Visitas', format: 'integer' },
	},
};
