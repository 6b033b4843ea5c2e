// Public API of the Google Ads MCC domain (see docs/google-ads.md).
export { GoogleAdsClient, latestLinkOf, managerLinkIdOf } from './client';
export type { ManagerLink, MutateResult, CustomerClient, GoogleAdsClientOptions } from './client';
export {
	DEFAULT_API_URL,
	DEFAULT_API_VERSION,
	DEFAULT_TOKEN_URL,
	googleAdsConfigFromEnv,
	validateGoogleAdsConfig,
} from './config';
export type { GoogleAdsConfig, GoogleAdsConfigInput } from './config';
export { customerIdFromResource, formatCustomerId, parseCustomerId } from './customer-id';
export {
	ALREADY_LINKED_CODES,
	describeGoogleAdsError,
	GoogleAdsInputError,
	parseGoogleAdsErrorBody,
	requestIdOf,
} from './errors';
export type { GoogleAdsErrorBody, GoogleAdsFailureEntry, GoogleAdsInputCode } from './errors';
export { GoogleAdsLinkService } from './link-service';
export { googleAdsStaffFailure } from './staff-messages';
export type { ClientLookup, LinkAction, LinkResult, LinkServiceDeps, SyncResult, Transition } from './link-service';
export { GoogleAdsLinksRepository } from './links-repository';
export type { HistoryRow, OperationRecord, RecordedChange, StoredLink } from './links-repository';
export { AccessTokenCache, GoogleOAuth, sharedAccessTokenCache } from './oauth';
export { canInvite, isLinkStatus, LINK_STATUSES, mapLinkStatus } from './status';
export type { ApiLinkStatus, LinkStatus } from './status';
