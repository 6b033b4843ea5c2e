// Viang's Metabase content as code: one collection, five dashboards, their native-SQL questions
// (metabase/questions). `viang metabase provision` makes Metabase match this.
import type { MetabaseDefinitions } from '../domain/metabase/definitions';
import { anuncios } from './dashboards/anuncios';
import { estoque } from './dashboards/estoque';
import { financeiro } from './dashboards/financeiro';
import { produtos } from './dashboards/produtos';
import { visaoGeral } from './dashboards/visao-geral';

export const viangDefinitions: MetabaseDefinitions = {
	collection: {
		key: 'viang',
		name: 'Viang',
		description: 'Painéis da Viang sobre o warehouse (views analytics.*). Gerenciado por `viang metabase provision`: edições manuais são sobrescritas.',
	},
	dashboards: [visaoGeral, produtos, anuncios, estoque, financeiro],
};

export { anuncios, estoque, financeiro, produtos, visaoGeral };
