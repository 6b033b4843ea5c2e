// `viang metabase provision`: makes Metabase match metabase/ definitions. First run creates the
// warehouse database (read-only analytics role), the collection, the questions and the dashboards;
// later runs update them in place (ids kept in public.metabase_objects), never duplicate, and
// archive only objects this tool created and no longer defines. Dry runs only read.
import type { MetabaseClient } from './client';
import { allQuestions, type MetabaseDefinitions } from './definitions';
import type { MetabaseObjectKind, MetabaseObjectStore, StoredMetabaseObject } from './object-store';
import {
	cardPayload,
	checksum,
	collectionPayload,
	databasePayload,
	dashboardCreatePayload,
	dashboardUpdatePayload,
	type ClientOption,
	type WarehouseConnection,
} from './payloads';

export type ChangeAction = 'create' | 'recreate' | 'update' | 'unchanged' | 'archive' | 'forget' | 'set' | 'manual';

export interface ProvisionChange {
	kind: MetabaseObjectKind | 'setting';
	key: string;
	name: string;
	action: ChangeAction;
	/** Metabase id (absent for objects a dry run would create). */
	id?: number;
	detail?: string;
}

export interface ProvisionInput {
	client: MetabaseClient;
	store: MetabaseObjectStore;
	definitions: MetabaseDefinitions;
	connection: WarehouseConnection;
	/** Options of the client filter (id → name). */
	clients: readonly ClientOption[];
	/** Written to Metabase's `embedding-secret-key` when given. */
	embeddingSecret?: string;
	dryRun?: boolean;
}

export interface ProvisionResult {
	dryRun: boolean;
	changes: ProvisionChange[];
	databaseId: number;
	collectionId: number;
	cardIds: Record<string, number>;
	dashboardIds: Record<string, number>;
}

export const DATABASE_KEY = 'database:warehouse';
export const collectionKey = (key: string): string => `collection:${key}`;
export const cardKey = (key: string): string => `card:${key}`;
export const dashboardKey = (key: string): string => `dashboard:${key}`;

interface RemoteObject {
	archived: boolean;
	entity_id?: string | null;
}

export async function provisionMetabase(input: ProvisionInput): Promise<ProvisionResult> {
	const { client, store, definitions } = input;
	const dryRun = input.dryRun ?? false;
	const changes: ProvisionChange[] = [];
	const stored = new Map((await store.list()).map((object) => [object.key, object]));
	// Ids a dry run pretends to create: negative, so nothing can mistake them for real ones.
	let placeholder = 0;
	const record = async (key: string, kind: MetabaseObjectKind, id: number, entityId: string | null | undefined, sum: string | null) => {
		if (!dryRun) await store.put({ key, kind, mbId: id, entityId: entityId ?? null, checksum: sum });
	};

	/** Our stored object as Metabase has it now; null when gone or when the id now names someone else's object. */
	const remote = async <T extends RemoteObject>(object: StoredMetabaseObject | undefined, get: (id: number) => Promise<T | null>) => {
		if (!object || object.mbId < 1) return null;
		const found = await get(object.mbId);
		if (!found) return null;
		if (object.entityId && found.entity_id && found.entity_id !== object.entityId) return null;
		return found;
	};

	// Instance settings: static embedding on, and our signing secret when configured.
	for (const [key, value] of [
		['enable-embedding-static', true],
		...(input.embeddingSecret ? [['embedding-secret-key', input.embeddingSecret] as const] : []),
	] as const) {
		if (!dryRun) await client.putSetting(key, value);
		changes.push({ kind: 'setting', key, name: key, action: 'set', detail: key === 'embedding-secret-key' ? '(oculto)' : String(value) });
	}

	// Database: created once. The subset has no PUT /api/database, so a changed connection is reported.
	const dbBody = databasePayload(input.connection);
	const dbSum = checksum({ ...dbBody, details: { ...dbBody.details, password: undefined } });
	const storedDb = stored.get(DATABASE_KEY);
	const currentDb = storedDb ? await client.getDatabase(storedDb.mbId) : null;
	let databaseId: number;
	if (currentDb) {
		databaseId = currentDb.id;
		const same = storedDb?.checksum === dbSum;
		changes.push({
			kind: 'database',
			key: DATABASE_KEY,
			name: dbBody.name,
			action: same ? 'unchanged' : 'manual',
			id: databaseId,
			detail: same ? undefined : 'conexão mudou: atualize em Admin > Bancos de dados do Metabase',
		});
	} else {
		databaseId = dryRun ? --placeholder : (await client.createDatabase(dbBody)).id;
		await record(DATABASE_KEY, 'database', databaseId, null, dbSum);
		changes.push({ kind: 'database', key: DATABASE_KEY, name: dbBody.name, action: storedDb ? 'recreate' : 'create', id: dryRun ? undefined : databaseId });
	}
	// New views appear in Metabase only after a schema sync.
	if (!dryRun) await client.syncSchema(databaseId);

	// Collection.
	const collKey = collectionKey(definitions.collection.key);
	const collBody = collectionPayload(definitions.collection);
	const collSum = checksum(collBody);
	const storedColl = stored.get(collKey);
	const currentColl = await remote(storedColl, (id) => client.getCollection(id));
	let collectionId: number;
	if (currentColl && typeof currentColl.id === 'number') {
		collectionId = currentColl.id;
		const same = storedColl?.checksum === collSum && !currentColl.archived;
		if (!same && !dryRun) await client.updateCollection(collectionId, { ...collBody, archived: false });
		await record(collKey, 'collection', collectionId, currentColl.entity_id ?? storedColl?.entityId, collSum);
		changes.push({ kind: 'collection', key: collKey, name: collBody.name, action: same ? 'unchanged' : 'update', id: collectionId });
	} else {
		const created = dryRun ? null : await client.createCollection(collBody);
		collectionId = created ? Number(created.id) : --placeholder;
		await record(collKey, 'collection', collectionId, created?.entity_id, collSum);
		changes.push({ kind: 'collection', key: collKey, name: collBody.name, action: storedColl ? 'recreate' : 'create', id: created ? collectionId : undefined });
	}

	// Questions.
	const cardIds = new Map<string, number>();
	for (const question of allQuestions(definitions)) {
		const key = cardKey(question.key);
		const body = cardPayload(question, databaseId, collectionId);
		const sum = checksum(body);
		const storedCard = stored.get(key);
		const current = await remote(storedCard, (id) => client.getCard(id));
		if (current) {
			const same = storedCard?.checksum === sum && !current.archived;
			if (!same && !dryRun) await client.updateCard(current.id, { ...body, archived: false });
			await record(key, 'card', current.id, current.entity_id ?? storedCard?.entityId, sum);
			cardIds.set(question.key, current.id);
			changes.push({ kind: 'card', key, name: question.name, action: same ? 'unchanged' : 'update', id: current.id });
		} else {
			const created = dryRun ? null : await client.createCard(body);
			const id = created ? created.id : --placeholder;
			await record(key, 'card', id, created?.entity_id, sum);
			cardIds.set(question.key, id);
			changes.push({ kind: 'card', key, name: question.name, action: storedCard ? 'recreate' : 'create', id: created ? id : undefined });
		}
	}

	// Dashboards: filters, cards wired to every filter, embedding with the client filter locked.
	const dashboardIds = new Map<string, number>();
	for (const dashboard of definitions.dashboards) {
		const key = dashboardKey(dashboard.key);
		const createBody = dashboardCreatePayload(dashboard, collectionId);
		const desired = dashboardUpdatePayload(dashboard, collectionId, cardIds, input.clients);
		const sum = checksum({ createBody, desired });
		const storedDashboard = stored.get(key);
		const current = await remote(storedDashboard, (id) => client.getDashboard(id));
		if (current) {
			// Someone removed or added a card by hand: the server's cards differ, so rewrite.
			const serverCards = current.dashcards.map((dashcard) => dashcard.card_id ?? 0).sort((a, b) => a - b);
			const wantedCards = (desired.dashcards ?? []).map((dashcard) => dashcard.card_id).sort((a, b) => a - b);
			const same = storedDashboard?.checksum === sum && !current.archived && JSON.stringify(serverCards) === JSON.stringify(wantedCards);
			if (!same && !dryRun) {
				const existing = new Map<number, number>();
				for (const dashcard of current.dashcards) if (dashcard.card_id) existing.set(dashcard.card_id, dashcard.id);
				await client.updateDashboard(current.id, {
					...dashboardUpdatePayload(dashboard, collectionId, cardIds, input.clients, existing),
					archived: false,
				});
			}
			await record(key, 'dashboard', current.id, current.entity_id ?? storedDashboard?.entityId, sum);
			dashboardIds.set(dashboard.key, current.id);
			changes.push({ kind: 'dashboard', key, name: dashboard.name, action: same ? 'unchanged' : 'update', id: current.id });
		} else {
			let id = --placeholder;
			let entityId: string | null | undefined;
			if (!dryRun) {
				const created = await client.createDashboard(createBody);
				id = created.id;
				entityId = created.entity_id;
				// Record before wiring the cards: a failure in between must not leave an untracked dashboard.
				await record(key, 'dashboard', id, entityId, null);
				await client.updateDashboard(id, desired);
			}
			await record(key, 'dashboard', id, entityId, sum);
			dashboardIds.set(dashboard.key, id);
			changes.push({ kind: 'dashboard', key, name: dashboard.name, action: storedDashboard ? 'recreate' : 'create', id: dryRun ? undefined : id });
		}
	}

	// Removed definitions: archive our dashboards, then our questions. Never a collection (it may hold
	// other people's work) and never the database.
	const wanted = new Set<string>([
		DATABASE_KEY,
		collKey,
		...[...cardIds.keys()].map(cardKey),
		...[...dashboardIds.keys()].map(dashboardKey),
	]);
	const leftovers = [...stored.values()]
		.filter((object) => !wanted.has(object.key))
		.sort((a, b) => (a.kind === b.kind ? a.key.localeCompare(b.key) : a.kind === 'dashboard' ? -1 : 1));
	for (const object of leftovers) {
		if (object.kind === 'card' || object.kind === 'dashboard') {
			const current =
				object.kind === 'card' ? await remote(object, (id) => client.getCard(id)) : await remote(object, (id) => client.getDashboard(id));
			if (current && !current.archived) {
				if (!dryRun) {
					if (object.kind === 'card') await client.updateCard(object.mbId, { archived: true });
					else await client.updateDashboard(object.mbId, { archived: true });
				}
				changes.push({ kind: object.kind, key: object.key, name: current.name, action: 'archive', id: object.mbId });
			} else {
				changes.push({ kind: object.kind, key: object.key, name: object.key, action: 'forget', id: object.mbId, detail: 'já não existe no Metabase' });
			}
		} else {
			changes.push({
				kind: object.kind,
				key: object.key,
				name: object.key,
				action: 'forget',
				id: object.mbId,
				detail: 'não é mais definido; arquive manualmente se estiver vazio',
			});
		}
		if (!dryRun) await store.delete(object.key);
	}

	return {
		dryRun,
		changes,
		databaseId,
		collectionId,
		cardIds: Object.fromEntries(cardIds),
		dashboardIds: Object.fromEntries(dashboardIds),
	};
}

const ACTION_LABELS: Record<ChangeAction, string> = {
	create: 'criar',
	recreate: 'recriar',
	update: 'atualizar',
	unchanged: 'sem mudança',
	archive: 'arquivar',
	forget: 'esquecer',
	set: 'definir',
	manual: 'ação manual',
};

const KIND_LABELS: Record<ProvisionChange['kind'], string> = {
	setting: 'configuração',
	database: 'banco',
	collection: 'coleção',
	card: 'pergunta',
	dashboard: 'painel',
};

/** One pt-BR line per change, for the CLI. */
export function describeChange(change: ProvisionChange, dryRun: boolean): string {
	const verb = ACTION_LABELS[change.action];
	const id = change.id !== undefined && change.id > 0 ? ` #${change.id}` : '';
	const detail = change.detail ? ` (${change.detail})` : '';
	return `${dryRun && change.action !== 'unchanged' ? `[simulação] ${verb}` : verb}: ${KIND_LABELS[change.kind]} "${change.name}"${id}${detail}`;
}
