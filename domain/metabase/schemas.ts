// Response shapes we rely on. Responses have no schemas in Metabase's OpenAPI and change between
// versions (MBQL 5 since 0.57), so these are loose: check the fields we read, pass the rest through.
import { z } from 'zod';

const id = z.number().int().positive();

export const sessionSchema = z.object({ id: z.string().min(1) }).passthrough();

export const sessionPropertiesSchema = z.object({ 'setup-token': z.string().nullish() }).passthrough();

export const userSchema = z
	.object({ id, email: z.string(), is_superuser: z.boolean().optional() })
	.passthrough();

export const databaseSchema = z
	.object({ id, name: z.string(), engine: z.string().nullish(), details: z.record(z.unknown()).nullish() })
	.passthrough();

export const collectionSchema = z
	.object({
		// The root collection answers with id "root".
		id: z.union([id, z.string()]),
		name: z.string(),
		archived: z.boolean().optional().default(false),
		entity_id: z.string().nullish(),
	})
	.passthrough();

export const collectionListSchema = z.array(collectionSchema);

export const cardSchema = z
	.object({
		id,
		name: z.string(),
		archived: z.boolean().optional().default(false),
		collection_id: id.nullish(),
		entity_id: z.string().nullish(),
		dataset_query: z.record(z.unknown()).nullish(),
	})
	.passthrough();

export const dashcardSchema = z
	.object({
		id: z.number().int(),
		card_id: id.nullish(),
		row: z.number().int().nonnegative(),
		col: z.number().int().nonnegative(),
		size_x: z.number().int().positive(),
		size_y: z.number().int().positive(),
		parameter_mappings: z.array(z.record(z.unknown())).nullish(),
	})
	.passthrough();

export const dashboardSchema = z
	.object({
		id,
		name: z.string(),
		archived: z.boolean().optional().default(false),
		collection_id: id.nullish(),
		entity_id: z.string().nullish(),
		parameters: z.array(z.record(z.unknown())).nullish(),
		enable_embedding: z.boolean().nullish(),
		embedding_params: z.record(z.string()).nullish(),
		dashcards: z.array(dashcardSchema).optional(),
		// Before 0.47 the dashcards came as `ordered_cards`.
		ordered_cards: z.array(dashcardSchema).optional(),
	})
	.passthrough()
	.transform((dashboard) => ({ ...dashboard, dashcards: dashboard.dashcards ?? dashboard.ordered_cards ?? [] }));

export type MetabaseSession = z.infer<typeof sessionSchema>;
export type MetabaseUser = z.infer<typeof userSchema>;
export type MetabaseDatabase = z.infer<typeof databaseSchema>;
export type MetabaseCollection = z.infer<typeof collectionSchema>;
export type MetabaseCard = z.infer<typeof cardSchema>;
export type MetabaseDashcard = z.infer<typeof dashcardSchema>;
export type MetabaseDashboard = z.infer<typeof dashboardSchema>;

// Request bodies: what we send (a subset of the OpenAPI request schemas, typed).

export type TemplateTagType = 'text' | 'number' | 'date' | 'dimension';

export interface TemplateTag {
	id: string;
	name: string;
	'display-name': string;
	type: TemplateTagType;
	required?: boolean;
}

export interface NativeDatasetQuery {
	type: 'native';
	database: number;
	native: { query: string; 'template-tags': Record<string, TemplateTag> };
}

export type ParameterTarget = ['variable', ['template-tag', string]] | ['dimension', ['template-tag', string]];

export interface ParameterDefinition {
	id: string;
	name: string;
	slug: string;
	type: string;
	sectionId?: string;
	target?: ParameterTarget;
	default?: unknown;
	values_query_type?: 'list' | 'search' | 'none';
	values_source_type?: 'static-list' | 'card' | null;
	values_source_config?: { values?: Array<[string, string] | string> };
}

export interface ParameterMapping {
	parameter_id: string;
	card_id: number;
	target: ParameterTarget;
}

export interface DatabaseCreate {
	name: string;
	engine: string;
	details: Record<string, unknown>;
	is_full_sync?: boolean;
	is_on_demand?: boolean;
	auto_run_queries?: boolean;
}

export interface CollectionCreate {
	name: string;
	description?: string | null;
	parent_id?: number | null;
}

export interface CollectionUpdate extends Partial<CollectionCreate> {
	archived?: boolean;
}

export interface CardCreate {
	name: string;
	type: 'question';
	display: string;
	description?: string | null;
	collection_id: number;
	dataset_query: NativeDatasetQuery;
	visualization_settings: Record<string, unknown>;
	parameters?: ParameterDefinition[];
}

export interface CardUpdate extends Partial<CardCreate> {
	archived?: boolean;
}

export interface DashboardCreate {
	name: string;
	description?: string | null;
	collection_id?: number;
	parameters?: ParameterDefinition[];
}

export interface DashcardUpdate {
	/** Negative: a new dashcard. Existing dashcards left out are deleted by Metabase. */
	id: number;
	card_id: number;
	row: number;
	col: number;
	size_x: number;
	size_y: number;
	parameter_mappings: ParameterMapping[];
	visualization_settings?: Record<string, unknown>;
}

export interface DashboardUpdate extends Partial<DashboardCreate> {
	archived?: boolean;
	enable_embedding?: boolean;
	embedding_params?: Record<string, 'enabled' | 'locked' | 'disabled'>;
	dashcards?: DashcardUpdate[];
	width?: 'fixed' | 'full';
}
