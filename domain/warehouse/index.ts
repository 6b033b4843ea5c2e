// Public API of the warehouse (see docs/warehouse.md).
export {
	openWarehouse,
	openWarehouseFromEnv,
	closeWarehouse,
	withWarehouseFromEnv,
	warehouseSourceFromEnv,
} from './warehouse';
export type { Warehouse, WarehouseConfig, WarehouseSource } from './warehouse';
export { migrate, readMigrations, MigrationChecksumError } from './migrate';
export type { MigrateResult, MigrationFile } from './migrate';
export { openEmbeddedPostgres, DEFAULT_EMBEDDED_PORT } from './embedded';
export type { EmbeddedPostgres } from './embedded';
export { PgTransport } from './pg-transport';
export { SupabaseTransport } from './supabase-transport';
export type { SupabaseTransportConfig } from './supabase-transport';
export { WarehouseError } from './transport';
export type { WarehouseTransport, RpcArgs } from './transport';
export { ClientsRepository } from './clients';
export { TokenVault, TokenRefreshError } from './vault';
export type { TokenRefresher, RefreshContext, FreshTokenOptions } from './vault';
export { InvitesRepository, hashInviteToken } from './invites';
export type { CreateInviteOptions, CreatedInvite, InviteInfo, ConsumedInvite } from './invites';
export { StagingRepository } from './staging';
export type { LoadOptions, LoadResult, OrdersLoadResult, ItemsLoadResult } from './staging';
export { FactsRepository } from './facts';
export type { RefreshResult, DirtyRefreshResult } from './facts';
export { RunsRepository } from './runs';
export type { RunStart, RunFinish, RunRecord, RunStatus, Watermark } from './runs';
export { StockRepository, FinanceRepository } from './stock-and-finance';
export type { StockSnapshotRow, FinanceDayRow } from './stock-and-finance';
export { rotateTokenKey } from './key-rotation';
export type { RotationResult } from './key-rotation';
export { redactSecrets } from './redact';
export {
	ClientNotFoundError,
	DuplicateClientError,
	InvalidStatusTransitionError,
	InvalidGrantError,
	NeedsReauthError,
	NoCredentialsError,
	InviteError,
} from './errors';
export type { InviteState } from './errors';
export { PROVIDERS, CLIENT_STATUSES } from './types';
export type { Provider, ClientStatus, TokenSet, Client, ClientStatusChange, CredentialSummary, NewClient } from './types';
export type * from './staging-types';
export { startLocalPostgres } from './local-postgres';
export type { LocalPostgres } from './local-postgres';
