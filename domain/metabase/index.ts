// Public API of the Metabase integration (see docs/metabase.md).
export { MetabaseClient } from './client';
export type { MetabaseAuth, MetabaseClientOptions } from './client';
export * from './schemas';
export { signHs256, verifyHs256, JwtError } from './jwt';
export type { JwtPayload } from './jwt';
export { buildClientDashboardLink, validateLinkMinutes, DEFAULT_LINK_MINUTES, MAX_LINK_MINUTES } from './embed-link';
export type { ClientDashboardLink, ClientDashboardLinkInput } from './embed-link';
export { clientDashboardLinkFromWarehouse, DEFAULT_LINK_DASHBOARD } from './links';
export type { ClientLink, ClientLinkOptions } from './links';
export {
	metabaseConfigFromEnv,
	metabaseSiteUrl,
	embeddingSecretFromEnv,
	validateEmbeddingSecret,
	warehouseConnectionFromEnv,
} from './config';
export type { MetabaseConfig } from './config';
export { allQuestions } from './definitions';
export type * from './definitions';
export * from './filters';
export { renderNativeQuery, templateTagNames } from './native-query';
export type { TagValue, RenderedQuery } from './native-query';
export { MetabaseObjectStore, instanceKey } from './object-store';
export type { StoredMetabaseObject, MetabaseObjectKind } from './object-store';
export {
	cardPayload,
	checksum,
	collectionPayload,
	dashboardParameters,
	dashboardUpdatePayload,
	databasePayload,
	stableUuid,
	templateTags,
} from './payloads';
export type { ClientOption, WarehouseConnection } from './payloads';
export {
	provisionMetabase,
	describeChange,
	DATABASE_KEY,
	cardKey,
	collectionKey,
	dashboardKey,
} from './provision';
export type { ChangeAction, ProvisionChange, ProvisionInput, ProvisionResult } from './provision';
export { visualizationSettings } from './visualization';
