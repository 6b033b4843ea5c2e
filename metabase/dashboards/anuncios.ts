import type { DashboardDefinition } from '../../domain/metabase/definitions';
import * as q from '../questions/anuncios';

export const anuncios: DashboardDefinition = {
	key: 'anuncios',
	name: 'Anúncios',
	description: 'Product Ads: custo, receita, ACOS e ROAS por grupo de anúncios e por dia.',
	cards: [
		{ question: q.custo, row: 0, col: 0, sizeX: 6, sizeY: 3 },
		{ question: q.receita, row: 0, col: 6, sizeX: 6, sizeY: 3 },
		{ question: q.acos, row: 0, col: 12, sizeX: 6, sizeY: 3 },
		{ question: q.roas, row: 0, col: 18, sizeX: 6, sizeY: 3 },
		{ question: q.porDia, row: 3, col: 0, sizeX: 24, sizeY: 6 },
		{ question: q.porGrupo, row: 9, col: 0, sizeX: 24, sizeY: 8 },
	],
};
