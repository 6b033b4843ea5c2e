import type { DashboardDefinition } from '../../domain/metabase/definitions';
import * as q from '../questions/visao-geral';

// 24-column grid: six totals on top, the daily charts, then the daily table.
export const visaoGeral: DashboardDefinition = {
	key: 'visao-geral',
	name: 'Visão geral',
	description: 'Receita, pedidos, ticket médio, unidades, ACOS e visitas do cliente no período.',
	cards: [
		{ question: q.receita, row: 0, col: 0, sizeX: 4, sizeY: 3 },
		{ question: q.pedidos, row: 0, col: 4, sizeX: 4, sizeY: 3 },
		{ question: q.ticketMedio, row: 0, col: 8, sizeX: 4, sizeY: 3 },
		{ question: q.unidades, row: 0, col: 12, sizeX: 4, sizeY: 3 },
		{ question: q.acos, row: 0, col: 16, sizeX: 4, sizeY: 3 },
		{ question: q.visitas, row: 0, col: 20, sizeX: 4, sizeY: 3 },
		{ question: q.vendasPorDia, row: 3, col: 0, sizeX: 12, sizeY: 6 },
		{ question: q.visitasPorDia, row: 3, col: 12, sizeX: 12, sizeY: 6 },
		{ question: q.resumoDiario, row: 9, col: 0, sizeX: 24, sizeY: 8 },
	],
};
