// Which Metabase objects Viang created, kept in the warehouse (public.metabase_objects) through SQL
// functions, so the pg and Supabase transports behave the same.
import { toDate, toNumber, toStringOrNull } from '../warehouse/row-values';
import type { WarehouseTransport } from '../warehouse/transport';

export type MetabaseObjectKind = 'database' | 'collection' | 'card' | 'dashboard';

export interface StoredMetabaseObject {
	key: string;
	kind: MetabaseObjectKind;
	mbId: number;
	entityId: string | null;
	checksum: string | null;
	updatedAt: Date;
}

function fromRow(row: Record<string, unknown>): StoredMetabaseObject {
	return {
		key: String(row.key),
		kind: row.kind as MetabaseObjectKind,
		mbId: toNumber(row.mb_id),
		entityId: toStringOrNull(row.entity_id),
		checksum: toStringOrNull(row.checksum),
		updatedAt: toDate(row.updated_at),
	};
}

/** Objects are per Metabase instance: its origin (`https://bi.example.com`). */
export function instanceKey(metabaseUrl: string): string {
	return new URL(metabaseUrl).origin;
}

export class MetabaseObjectStore {
	constructor(
		private readonly transport: WarehouseTransport,
		readonly instance: string,
	) {}

	async list(): Promise<StoredMetabaseObject[]> {
		return (await this.transport.rpc('wh_metabase_objects_list', { p_instance: this.instance })).map(fromRow);
	}

	async get(key: string): Promise<StoredMetabaseObject | null> {
		const rows = await this.transport.rpc('wh_metabase_object_get', { p_instance: this.instance, p_key: key });
		return rows.length > 0 ? fromRow(rows[0]) : null;
	}

	async put(object: Omit<StoredMetabaseObject, 'updatedAt'>): Promise<StoredMetabaseObject> {
		const rows = await this.transport.rpc('wh_metabase_object_put', {
			p_instance: this.instance,
			p_key: object.key,
			p_kind: object.kind,
			p_mb_id: object.mbId,
			p_entity_id: object.entityId,
			p_checksum: object.checksum,
		});
		return fromRow(rows[0]);
	}

	async delete(key: string): Promise<boolean> {
		const rows = await this.transport.rpc('wh_metabase_object_delete', { p_instance: this.instance, p_key: key });
		return Boolean(rows[0]?.deleted);
	}
}
