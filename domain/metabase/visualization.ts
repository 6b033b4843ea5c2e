// Definitions → Metabase `visualization_settings`: pt-BR separators (decimal comma, dot for
// thousands) and BRL on every column, so nothing depends on the instance's global formatting.
import type { ColumnFormat, QuestionDefinition } from './definitions';

/** Metabase's `number_separators` is "<decimal><grouping>". */
const PT_BR_SEPARATORS = ',.';

function columnSettings(title: string, format: ColumnFormat): Record<string, unknown> {
	const base: Record<string, unknown> = { column_title: title };
	switch (format) {
		case 'brl':
			return {
				...base,
				number_style: 'currency',
				currency: 'BRL',
				currency_style: 'symbol',
				currency_in_header: false,
				decimals: 2,
				number_separators: PT_BR_SEPARATORS,
			};
		case 'integer':
			return { ...base, number_style: 'decimal', decimals: 0, number_separators: PT_BR_SEPARATORS };
		case 'decimal':
			return { ...base, number_style: 'decimal', decimals: 2, number_separators: PT_BR_SEPARATORS };
		case 'days':
			return { ...base, number_style: 'decimal', decimals: 1, suffix: ' dias', number_separators: PT_BR_SEPARATORS };
		case 'percent':
			return { ...base, number_style: 'percent', decimals: 2, number_separators: PT_BR_SEPARATORS };
		case 'date':
			return { ...base, date_style: 'D/M/YYYY', date_separator: '/' };
		case 'datetime':
			return { ...base, date_style: 'D/M/YYYY', date_separator: '/', time_enabled: 'minutes', time_style: 'HH:mm' };
		default:
			return base;
	}
}

export function visualizationSettings(question: QuestionDefinition): Record<string, unknown> {
	const column_settings: Record<string, unknown> = {};
	for (const [name, column] of Object.entries(question.columns)) {
		column_settings[JSON.stringify(['name', name])] = columnSettings(column.title, column.format);
	}
	const settings: Record<string, unknown> = { column_settings, 'card.title': question.name };
	if (question.display === 'scalar') settings['scalar.field'] = Object.keys(question.columns)[0];
	if (question.display === 'table') {
		settings['table.pivot'] = false;
		settings['table.columns'] = Object.keys(question.columns).map((name) => ({ name, enabled: true }));
	}
	if (question.chart) {
		settings['graph.dimensions'] = [question.chart.dimension];
		settings['graph.metrics'] = question.chart.metrics;
		settings['graph.x_axis.title_text'] = question.columns[question.chart.dimension]?.title ?? question.chart.dimension;
		settings['graph.show_values'] = false;
	}
	return settings;
}
