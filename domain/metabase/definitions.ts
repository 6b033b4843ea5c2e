// Dashboards as code: the shapes metabase/**/*.ts fill in. Keys are stable identifiers (they map
// to Metabase ids in the warehouse): rename a title freely, never a key.

/** How a result column is shown (pt-BR: R$ 1.234,56; 1.234; 12,34 %; 31/12/2026). */
export type ColumnFormat = 'brl' | 'integer' | 'decimal' | 'percent' | 'days' | 'date' | 'datetime' | 'text' | 'boolean';

export interface ColumnDefinition {
	title: string;
	format: ColumnFormat;
}

export type QuestionDisplay = 'scalar' | 'table' | 'line' | 'bar' | 'combo';

export interface QuestionDefinition {
	/** Stable key, e.g. `visao-geral.receita`. */
	key: string;
	name: string;
	description: string;
	display: QuestionDisplay;
	/** Native SQL over `analytics.*` views only, with the {{cliente}}/{{data_inicial}}/{{data_final}} tags. */
	sql: string;
	/** Every result column, in order, with its pt-BR title and format. */
	columns: Record<string, ColumnDefinition>;
	/** Line/bar/combo charts: x axis column and series columns. */
	chart?: { dimension: string; metrics: string[] };
}

export interface DashboardCardDefinition {
	question: QuestionDefinition;
	row: number;
	col: number;
	sizeX: number;
	sizeY: number;
}

export interface DashboardDefinition {
	/** Stable key, e.g. `visao-geral`. */
	key: string;
	name: string;
	description: string;
	cards: DashboardCardDefinition[];
}

export interface CollectionDefinition {
	key: string;
	name: string;
	description: string;
}

export interface MetabaseDefinitions {
	collection: CollectionDefinition;
	dashboards: DashboardDefinition[];
}

/** Every question of the definitions, once each, in dashboard order. */
export function allQuestions(definitions: MetabaseDefinitions): QuestionDefinition[] {
	const byKey = new Map<string, QuestionDefinition>();
	for (const dashboard of definitions.dashboards) {
		for (const card of dashboard.cards) {
			const existing = byKey.get(card.question.key);
			if (existing && existing !== card.question) throw new Error(`Duas perguntas com a mesma chave: ${card.question.key}`);
			byKey.set(card.question.key, card.question);
		}
	}
	return [...byKey.values()];
}
