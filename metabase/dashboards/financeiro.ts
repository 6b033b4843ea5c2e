import type { DashboardDefinition } from '../../domain/metabase/definitions';
import * as q from '../questions/financeiro';

export const financeiro: DashboardDefinition = {
	key: 'financeiro',
	name: 'Financeiro',
	description: 'Contas a receber e a pagar (Bling) por dia de vencimento, e o que está vencido.',
	cards: [
		{ question: q.aReceber, row: 0, col: 0, sizeX: 6, sizeY: 3 },
		{ question: q.aPagar, row: 0, col: 6, sizeX: 6, sizeY: 3 },
		{ question: q.vencidosAReceber, row: 0, col: 12, sizeX: 6, sizeY: 3 },
		{ question: q.vencidosAPagar, row: 0, col: 18, sizeX: 6, sizeY: 3 },
		{ question: q.fluxoPorDia, row: 3, col: 0, sizeX: 24, sizeY: 6 },
		{ question: q.porDia, row: 9, col: 0, sizeX: 24, sizeY: 8 },
	],
};
