// The three filters every Viang dashboard has, and how they reach a native question: the
// question's SQL uses template tags {{cliente}} (text, matched against client_id), {{data_inicial}}
// and {{data_final}} (dates, America/Sao_Paulo days), each inside an optional [[ … ]] clause so an
// analyst without a filter sees every client and every day. Embedded dashboards lock `cliente`.

export interface FilterDefinition {
	/** Template tag name, dashboard parameter id and slug (one name for all three keeps wiring obvious). */
	slug: string;
	name: string;
	tagType: 'text' | 'date';
	parameterType: 'string/=' | 'date/single';
	sectionId: 'string' | 'date';
	embedding: 'locked' | 'enabled';
}

export const CLIENT_PARAMETER: FilterDefinition = {
	slug: 'cliente',
	name: 'Cliente',
	tagType: 'text',
	parameterType: 'string/=',
	sectionId: 'string',
	embedding: 'locked',
};

export const START_DATE_PARAMETER: FilterDefinition = {
	slug: 'data_inicial',
	name: 'Data inicial',
	tagType: 'date',
	parameterType: 'date/single',
	sectionId: 'date',
	embedding: 'enabled',
};

export const END_DATE_PARAMETER: FilterDefinition = {
	slug: 'data_final',
	name: 'Data final',
	tagType: 'date',
	parameterType: 'date/single',
	sectionId: 'date',
	embedding: 'enabled',
};

export const DASHBOARD_FILTERS: readonly FilterDefinition[] = [CLIENT_PARAMETER, START_DATE_PARAMETER, END_DATE_PARAMETER];

/** `[[and <column>::text = {{cliente}}]]`: Metabase binds text tags as varchar, hence the cast. */
export function clientClause(column = 'client_id'): string {
	return `[[and ${column}::text = {{${CLIENT_PARAMETER.slug}}}]]`;
}

/** Inclusive day range on a `date` column. */
export function dayClause(column = 'day'): string {
	return `[[and ${column} >= {{${START_DATE_PARAMETER.slug}}}]] [[and ${column} <= {{${END_DATE_PARAMETER.slug}}}]]`;
}
