import { renderNativeQuery, templateTagNames } from '../../../domain/metabase/native-query';

describe('renderNativeQuery (Metabase template tags)', () => {
	const sql = 'select * from t where true [[and client_id::text = {{cliente}}]] [[and day >= {{data_inicial}}]] [[and day <= {{data_final}}]]';

	it('keeps optional clauses whose tags have values and binds them as parameters', () => {
		const rendered = renderNativeQuery(sql, {
			cliente: { type: 'text', value: 'abc' },
			data_inicial: { type: 'date', value: '2026-03-01' },
			data_final: { type: 'date', value: undefined },
		});
		expect(rendered.text).toBe('select * from t where true and client_id::text = $1::varchar and day >= $2::date ');
		expect(rendered.values).toEqual(['abc', '2026-03-01']);
	});

	it('drops every optional clause when no filter is set', () => {
		const rendered = renderNativeQuery(sql, {});
		expect(rendered.text).toBe('select * from t where true   ');
		expect(rendered.values).toEqual([]);
	});

	it('handles clauses spanning lines and tags used twice', () => {
		const rendered = renderNativeQuery('select coalesce([[{{a}},\n]] 1), [[{{a}}]]', { a: { type: 'number', value: 5 } });
		expect(rendered.text).toBe('select coalesce($1::numeric,\n 1), $2::numeric');
		expect(rendered.values).toEqual([5, 5]);
	});

	it('fails on a required tag without value', () => {
		expect(() => renderNativeQuery('select {{x}}', {})).toThrow(/no value/);
	});

	it('lists tag names', () => {
		expect(templateTagNames(sql)).toEqual(['cliente', 'data_inicial', 'data_final']);
	});
});
