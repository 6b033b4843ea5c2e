// The slice of the warehouse (domain/warehouse) this module uses, typed structurally so the ETL,
// the node and the tests depend on behaviour, not on one implementation.
import type {
	MlAdGroupItemRow,
	MlAdGroupMetricRow,
	MlItemRow,
	MlOrderLineRow,
	MlOrderRow,
	MlVariationRow,
	MlVisitRow,
} from '../warehouse/staging-types';
import type { TokenSet } from './oauth';

export type Refresher = (refreshToken: string) => Promise<TokenSet>;

export interface MlVaultPort {
	getFreshAccessToken(
		clientId: string,
		provider: 'mercadolivre',
		refresher: Refresher,
		options?: { marginSeconds?: number },
	): Promise<string>;
}

export interface LoadResultPort {
	rowsWritten: number;
	affectedDays?: string[];
}

export interface MlStagingPort {
	upsertMlOrders(clientId: string, orders: MlOrderRow[], lines: MlOrderLineRow[]): Promise<LoadResultPort>;
	upsertMlItems(clientId: string, items: MlItemRow[], variations: MlVariationRow[]): Promise<LoadResultPort>;
	upsertMlVisits(clientId: string, rows: MlVisitRow[]): Promise<LoadResultPort>;
	upsertMlAdGroupMetrics(clientId: string, rows: MlAdGroupMetricRow[]): Promise<LoadResultPort>;
	upsertMlAdGroupItems(clientId: string, rows: MlAdGroupItemRow[]): Promise<LoadResultPort>;
}

export interface MlFactsPort {
	refreshClientFacts(clientId: string, fromDay: string, toDay: string): Promise<{ rowsWritten: number }>;
	refreshDirty(clientId: string): Promise<{ rowsWritten: number; ranges: Array<{ from: string; to: string }> }>;
}

export interface MlRunsPort {
	start(run: { clientId: string | null; source: string; step?: string; dateFrom?: string | null; dateTo?: string | null }): Promise<{ id: number }>;
	finish(id: number, result: { status: 'success' | 'error' | 'skipped'; rowsRead?: number; rowsWritten?: number; error?: unknown }): Promise<void>;
	getWatermark(clientId: string, source: string): Promise<{ lastSuccessAt: Date; watermark: string | null } | null>;
	setWatermark(clientId: string, source: string, watermark: string | null, lastSuccessAt?: Date): Promise<unknown>;
}

export interface MlClientsPort {
	get(id: string): Promise<{ id: string; mlUserId: string | null; status: string } | null>;
	list(): Promise<Array<{ id: string; mlUserId: string | null; status: string }>>;
}

export interface MlWarehousePort {
	vault: MlVaultPort;
	staging: MlStagingPort;
	facts: MlFactsPort;
	runs: MlRunsPort;
	clients: MlClientsPort;
}
