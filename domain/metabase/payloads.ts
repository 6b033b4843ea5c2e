// Definitions → Metabase request bodies. Everything here is deterministic (tag ids derive from the
// question key), so the same definitions give byte-identical bodies and a stable checksum.
import { createHash } from 'node:crypto';
import type { CollectionDefinition, DashboardDefinition, QuestionDefinition } from './definitions';
import { DASHBOARD_FILTERS, CLIENT_PARAMETER } from './filters';
import type {
	CardCreate,
	CollectionCreate,
	DashboardCreate,
	DashboardUpdate,
	DatabaseCreate,
	DashcardUpdate,
	ParameterDefinition,
	TemplateTag,
} from './schemas';
import { visualizationSettings } from './visualization';

export interface WarehouseConnection {
	host: string;
	port: number;
	dbname: string;
	user: string;
	password: string;
	ssl: boolean;
}

export interface ClientOption {
	id: string;
	name: string;
}

/** A UUID-shaped id derived from a seed (template tags need one; random ids would churn every run). */
export function stableUuid(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** sha256 of JSON with sorted keys. */
export function checksum(value: unknown): string {
	const canonical = (input: unknown): unknown => {
		if (Array.isArray(input)) return input.map(canonical);
		if (input && typeof input === 'object') {
			return Object.fromEntries(
				Object.keys(input as Record<string, unknown>)
					.sort()
					.map((key) => [key, canonical((input as Record<string, unknown>)[key])]),
			);
		}
		return input;
	};
	return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

export const DATABASE_NAME = 'Viang — warehouse (analytics)';

export function databasePayload(connection: WarehouseConnection): DatabaseCreate {
	return {
		name: DATABASE_NAME,
		engine: 'postgres',
		details: {
			host: connection.host,
			port: connection.port,
			dbname: connection.dbname,
			user: connection.user,
			password: connection.password,
			ssl: connection.ssl,
			// Only the analytics views: Metabase never lists staging or credential tables.
			'schema-filters-type': 'inclusion',
			'schema-filters-patterns': 'analytics',
		},
		is_full_sync: true,
		is_on_demand: false,
		auto_run_queries: true,
	};
}

export function collectionPayload(collection: CollectionDefinition): CollectionCreate {
	return { name: collection.name, description: collection.description };
}

export function templateTags(question: QuestionDefinition): Record<string, TemplateTag> {
	return Object.fromEntries(
		DASHBOARD_FILTERS.map((filter) => [
			filter.slug,
			{
				id: stableUuid(`${question.key}/${filter.slug}`),
				name: filter.slug,
				'display-name': filter.name,
				type: filter.tagType,
				required: false,
			},
		]),
	);
}

export function cardPayload(question: QuestionDefinition, databaseId: number, collectionId: number): CardCreate {
	const tags = templateTags(question);
	return {
		name: question.name,
		type: 'question',
		display: question.display,
		description: question.description,
		collection_id: collectionId,
		dataset_query: { type: 'native', database: databaseId, native: { query: question.sql, 'template-tags': tags } },
		visualization_settings: visualizationSettings(question),
		parameters: DASHBOARD_FILTERS.map((filter) => ({
			id: tags[filter.slug].id,
			name: filter.name,
			slug: filter.slug,
			type: filter.tagType === 'date' ? 'date/single' : 'category',
			target: ['variable', ['template-tag', filter.slug]],
		})),
	};
}

/** Dashboard filters; the client filter lists the clients (value = id, label = name). */
export function dashboardParameters(clients: readonly ClientOption[]): ParameterDefinition[] {
	return DASHBOARD_FILTERS.map((filter) => {
		const parameter: ParameterDefinition = {
			id: filter.slug,
			name: filter.name,
			slug: filter.slug,
			type: filter.parameterType,
			sectionId: filter.sectionId,
		};
		if (filter === CLIENT_PARAMETER) {
			parameter.values_query_type = 'list';
			parameter.values_source_type = 'static-list';
			parameter.values_source_config = { values: clients.map((client) => [client.id, client.name]) };
		}
		return parameter;
	});
}

export function dashboardCreatePayload(dashboard: DashboardDefinition, collectionId: number): DashboardCreate {
	return { name: dashboard.name, description: dashboard.description, collection_id: collectionId };
}

/**
 * The full desired state of a dashboard. `existingDashcardIds` maps card id → current dashcard id
 * so existing dashcards are kept (updated in place); the others get negative ids (created).
 */
export function dashboardUpdatePayload(
	dashboard: DashboardDefinition,
	collectionId: number,
	cardIds: ReadonlyMap<string, number>,
	clients: readonly ClientOption[],
	existingDashcardIds: ReadonlyMap<number, number> = new Map(),
): DashboardUpdate {
	const dashcards: DashcardUpdate[] = dashboard.cards.map((card, index) => {
		const cardId = cardIds.get(card.question.key);
		if (cardId === undefined) throw new Error(`Pergunta ${card.question.key} sem id no Metabase`);
		return {
			id: existingDashcardIds.get(cardId) ?? -(index + 1),
			card_id: cardId,
			row: card.row,
			col: card.col,
			size_x: card.sizeX,
			size_y: card.sizeY,
			parameter_mappings: DASHBOARD_FILTERS.map((filter) => ({
				parameter_id: filter.slug,
				card_id: cardId,
				target: ['variable', ['template-tag', filter.slug]],
			})),
			visualization_settings: {},
		};
	});
	return {
		name: dashboard.name,
		description: dashboard.description,
		collection_id: collectionId,
		parameters: dashboardParameters(clients),
		width: 'full',
		enable_embedding: true,
		embedding_params: Object.fromEntries(DASHBOARD_FILTERS.map((filter) => [filter.slug, filter.embedding])),
		dashcards,
	};
}
