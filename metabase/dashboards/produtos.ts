import type { DashboardDefinition } from '../../domain/metabase/definitions';
import * as q from '../questions/produtos';

export const produtos: DashboardDefinition = {
	key: 'produtos',
	name: 'Produtos (SKU)',
	description: 'Ranking de SKUs, curva ABC, cancelamentos e vendas de anúncios sem SKU.',
	cards: [
		{ question: q.ranking, row: 0, col: 0, sizeX: 24, sizeY: 8 },
		{ question: q.curvaAbc, row: 8, col: 0, sizeX: 12, sizeY: 8 },
		{ question: q.cancelamentos, row: 8, col: 12, sizeX: 12, sizeY: 8 },
		{ question: q.vendasSemSku, row: 16, col: 0, sizeX: 24, sizeY: 6 },
	],
};
