import type { DashboardDefinition } from '../../domain/metabase/definitions';
import * as q from '../questions/estoque';

export const estoque: DashboardDefinition = {
	key: 'estoque',
	name: 'Estoque',
	description:
		'Último saldo por SKU e depósito e a cobertura em dias. As datas escolhem o período de vendas usado na cobertura ' +
		'(sem datas: os últimos 30 dias).',
	cards: [
		{ question: q.coberturaGeral, row: 0, col: 0, sizeX: 6, sizeY: 3 },
		{ question: q.coberturaPorSku, row: 3, col: 0, sizeX: 24, sizeY: 8 },
		{ question: q.saldoPorDeposito, row: 11, col: 0, sizeX: 24, sizeY: 8 },
	],
};
