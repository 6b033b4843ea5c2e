// Anúncios: Product Ads per ad group and day (analytics.v_ads_day = fact_ads_day). ACOS = custo ÷
// receita (4 casas, vazio sem receita); ROAS = receita ÷ custo (2 casas, vazio sem custo).
import { clientClause, dayClause } from '../../domain/metabase/filters';
import type { QuestionDefinition } from '../../domain/metabase/definitions';

const WHERE = `where true
	${clientClause()}
	${dayClause()}`;

const ACOS = 'round(sum(ads_cost) / nullif(sum(ads_revenue), 0), 4)';
const ROAS = 'round(sum(ads_revenue) / nullif(sum(ads_cost), 0), 2)';

function total(key: string, name: string, description: string, expression: string, title: string, format: 'brl' | 'percent' | 'decimal'): QuestionDefinition {
	return {
		key: `anuncios.${key}`,
		name,
		description,
		display: 'scalar',
		sql: `select ${expression} as ${key}\nfrom analytics.v_ads_day\n${WHERE}`,
		columns: { [key]: { title, format } },
	};
}

export const custo = total('custo', 'Custo de anúncios', 'Custo do Product Ads no período.', 'coalesce(sum(ads_cost), 0)', 'Custo (R$)', 'brl');
export const receita = total(
	'receita',
	'Receita de anúncios',
	'Receita atribuída ao Product Ads (direta + indireta).',
	'coalesce(sum(ads_revenue), 0)',
	'Receita (R$)',
	'brl',
);
export const acos = total('acos', 'ACOS', 'Custo ÷ receita de anúncios, 4 casas.', ACOS, 'ACOS', 'percent');
export const roas = total('roas', 'ROAS', 'Receita ÷ custo de anúncios, 2 casas.', ROAS, 'ROAS', 'decimal');

export const porGrupo: QuestionDefinition = {
	key: 'anuncios.por-grupo',
	name: 'Anúncios por grupo',
	description: 'Custo, cliques, impressões, receita, ACOS e ROAS de cada grupo de anúncios; SKU quando o grupo tem um só anúncio.',
	display: 'table',
	sql: `select client_name as cliente, ad_group_id as grupo, max(campaign_id) as campanha, max(sku) as sku,
	sum(ads_cost) as custo,
	sum(ads_clicks) as cliques,
	sum(ads_impressions) as impressoes,
	sum(ads_revenue) as receita,
	${ACOS} as acos,
	${ROAS} as roas
from analytics.v_ads_day
${WHERE}
group by client_id, client_name, ad_group_id
order by custo desc, cliente, grupo`,
	columns: {
		cliente: { title: 'Cliente', format: 'text' },
		grupo: { title: 'Grupo de anúncios', format: 'text' },
		campanha: { title: 'Campanha', format: 'text' },
		sku: { title: 'SKU', format: 'text' },
		custo: { title: 'Custo (R$)', format: 'brl' },
		cliques: { title: 'Cliques', format: 'integer' },
		impressoes: { title: 'Impressões', format: 'integer' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		acos: { title: 'ACOS', format: 'percent' },
		roas: { title: 'ROAS', format: 'decimal' },
	},
};

export const porDia: QuestionDefinition = {
	key: 'anuncios.por-dia',
	name: 'Anúncios por dia',
	description: 'Custo e receita de anúncios por dia, com ACOS e ROAS do dia.',
	display: 'combo',
	sql: `select day as dia,
	sum(ads_cost) as custo,
	sum(ads_revenue) as receita,
	${ACOS} as acos,
	${ROAS} as roas
from analytics.v_ads_day
${WHERE}
group by day
order by day`,
	columns: {
		dia: { title: 'Dia', format: 'date' },
		custo: { title: 'Custo (R$)', format: 'brl' },
		receita: { title: 'Receita (R$)', format: 'brl' },
		acos: { title: 'ACOS', format: 'percent' },
		roas: { title: 'ROAS', format: 'decimal' },
	},
	chart: { dimension: 'dia', metrics: ['custo', 'receita'] },
};
