// How Metabase turns a native question with template tags into SQL for PostgreSQL: an optional
// clause `[[ … ]]` stays only when every tag inside it has a value; each `{{tag}}` becomes a bound
// parameter (text tags as varchar, date tags as date). Used to run the questions in tests and to
// preview them; Metabase does the real substitution.
import type { TemplateTagType } from './schemas';

export interface TagValue {
	type: Extract<TemplateTagType, 'text' | 'date' | 'number'>;
	/** undefined or '' = the filter is empty. */
	value: string | number | undefined;
}

export interface RenderedQuery {
	text: string;
	values: unknown[];
}

const TAG = /\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g;
const OPTIONAL = /\[\[((?:(?!\]\]).)*?)\]\]/gs;

/** Names of the template tags a query uses, in first-use order. */
export function templateTagNames(sql: string): string[] {
	return [...new Set([...sql.matchAll(TAG)].map((match) => match[1]))];
}

function hasValue(tag: TagValue | undefined): boolean {
	return tag !== undefined && tag.value !== undefined && tag.value !== '';
}

export function renderNativeQuery(sql: string, tags: Record<string, TagValue>): RenderedQuery {
	const withoutEmptyClauses = sql.replace(OPTIONAL, (_clause, body: string) =>
		templateTagNames(body).every((name) => hasValue(tags[name])) ? body : '',
	);
	const values: unknown[] = [];
	const text = withoutEmptyClauses.replace(TAG, (_match, name: string) => {
		const tag = tags[name];
		if (!hasValue(tag)) throw new Error(`Template tag {{${name}}} has no value and is not inside an optional clause`);
		values.push(tag.value);
		const cast = tag.type === 'date' ? 'date' : tag.type === 'number' ? 'numeric' : 'varchar';
		return `$${values.length}::${cast}`;
	});
	return { text, values };
}
