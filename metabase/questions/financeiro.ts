// Financeiro: Bling accounts per due day (analytics.v_fin_day = fin_client_day). Each row holds the
// amounts of the titles due that day: a receber/recebido, a pagar/pago, and what of them is overdue.
import { clientClause, dayClause } from '../../domain/metabase/filters';
import type { QuestionDefinition } from '../../domain/metabase/definitions';

const WHERE = `where true
	${clientClause()}
	${dayClause()}`;

function total(key: string, name: string, description: string, column: string, title: string): QuestionDefinition {
	return {
		key: `financeiro.${key.replace(/_/g, '-')}`,
		name,
		description,
		display: 'scalar',
		sql: `select coalesce(sum(${column}), 0) as ${key}\nfrom analytics.v_fin_day\n${WHERE}`,
		columns: { [key]: { title, format: 'brl' } },
	};
}

export const aReceber = total('a_receber', 'A receber', 'Títulos a receber com vencimento no período.', 'receivable_due', 'A receber (R$)');
export const aPagar = total('a_pagar', 'A pagar', 'Títulos a pagar com vencimento no período.', 'payable_due', 'A pagar (R$)');
export const vencidosAReceber = total(
	'vencidos_a_receber',
	'Vencidos a receber',
	'Títulos a receber do período vencidos e ainda em aberto.',
	'receivable_overdue',
	'Vencidos a receber (R$)',
);
export const vencidosAPagar = total(
	'vencidos_a_pagar',
	'Vencidos a pagar',
	'Títulos a pagar do período vencidos e ainda em aberto.',
	'payable_overdue',
	'Vencidos a pagar (R$)',
);

export const porDia: QuestionDefinition = {
	key: 'financeiro.por-dia',
	name: 'Contas por dia de vencimento',
	description: 'A receber, recebido, a pagar, pago e vencidos por dia de vencimento; saldo previsto = a receber − a pagar.',
	display: 'table',
	sql: `select day as dia,
	sum(receivable_due) as a_receber,
	sum(received) as recebido,
	sum(payable_due) as a_pagar,
	sum(paid) as pago,
	sum(receivable_overdue) as vencidos_a_receber,
	sum(payable_overdue) as vencidos_a_pagar,
	sum(receivable_due) - sum(payable_due) as saldo_previsto
from analytics.v_fin_day
${WHERE}
group by day
order by day`,
	columns: {
		dia: { title: 'Vencimento', format: 'date' },
		a_receber: { title: 'A receber (R$)', format: 'brl' },
		recebido: { title: 'Recebido (R$)', format: 'brl' },
		a_pagar: { title: 'A pagar (R$)', format: 'brl' },
		pago: { title: 'Pago (R$)', format: 'brl' },
		vencidos_a_receber: { title: 'Vencidos a receber (R$)', format: 'brl' },
		vencidos_a_pagar: { title: 'Vencidos a pagar (R$)', format: 'brl' },
		saldo_previsto: { title: 'Saldo previsto (R$)', format: 'brl' },
	},
};

export const fluxoPorDia: QuestionDefinition = {
	key: 'financeiro.fluxo-por-dia',
	name: 'A receber × a pagar por dia',
	description: 'Valores a receber e a pagar por dia de vencimento.',
	display: 'bar',
	sql: `select day as dia, sum(receivable_due) as a_receber, sum(payable_due) as a_pagar
from analytics.v_fin_day
${WHERE}
group by day
order by day`,
	columns: {
		dia: { title: 'Vencimento', format: 'date' },
		a_receber: { title: 'A receber (R$)', format: 'brl' },
		a_pagar: { title: 'A pagar (R$)', format: 'brl' },
	},
	chart: { dimension: 'dia', metrics: ['a_receber', 'a_pagar'] },
};
