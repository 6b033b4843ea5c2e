// Errors of the Google Ads MCC feature. Messages are English (n8n, CLI); each carries a stable
// `code`, and input errors a pt-BR `staffMessage` for what staff read (bot, webhook answers; see
// staff-messages.ts). Never a token in any of them.
import { ApiError, type ProviderErrorInfo } from '../http';
import { UserInputError } from '../validation/errors';

export type GoogleAdsInputCode =
	| 'invalid_customer_id'
	| 'manager_customer_id'
	| 'client_not_found'
	| 'no_account_on_file'
	| 'not_pending'
	| 'not_linked'
	| 'account_in_use'
	| 'invalid_config';

/** What a person typed or chose is wrong: nothing was sent, nothing was written (CLI exit 2). */
export class GoogleAdsInputError extends UserInputError {
	readonly code: GoogleAdsInputCode;
	/** The same problem in pt-BR, for staff (the Telegram bot, the mcc-invite webhook's answer). */
	readonly staffMessage: string;

	constructor(code: GoogleAdsInputCode, message: string, staffMessage?: string) {
		super(message);
		this.name = 'GoogleAdsInputError';
		this.code = code;
		this.staffMessage = staffMessage ?? message;
	}
}

export interface GoogleAdsFailureEntry {
	/** e.g. `managerLinkError.ALREADY_INVITED_BY_THIS_MANAGER` */
	code: string;
	message: string;
}

export interface GoogleAdsErrorBody {
	/** gRPC status name: INVALID_ARGUMENT, PERMISSION_DENIED, RESOURCE_EXHAUSTED… */
	status?: string;
	message?: string;
	requestId?: string;
	errors: GoogleAdsFailureEntry[];
}

/** Reads Google's `{"error":{code,message,status,details:[{GoogleAdsFailure}]}}` (and OAuth's `{error, error_description}`). */
export function parseGoogleAdsErrorBody(body: unknown): GoogleAdsErrorBody {
	const result: GoogleAdsErrorBody = { errors: [] };
	if (!body || typeof body !== 'object') {
		if (typeof body === 'string' && body.trim()) result.message = body.slice(0, 200);
		return result;
	}
	const root = body as Record<string, unknown>;
	if (typeof root.error === 'string') {
		// OAuth token endpoint
		result.status = root.error;
		result.message = typeof root.error_description === 'string' ? root.error_description : root.error;
		return result;
	}
	const error = root.error as Record<string, unknown> | undefined;
	if (!error || typeof error !== 'object') return result;
	if (typeof error.status === 'string') result.status = error.status;
	if (typeof error.message === 'string') result.message = error.message;
	const details = Array.isArray(error.details) ? error.details : [];
	for (const detail of details) {
		if (!detail || typeof detail !== 'object') continue;
		const d = detail as Record<string, unknown>;
		if (typeof d.requestId === 'string') result.requestId = d.requestId;
		for (const entry of Array.isArray(d.errors) ? d.errors : []) {
			const e = entry as Record<string, unknown>;
			const errorCode = (e.errorCode ?? {}) as Record<string, unknown>;
			const [family, value] = Object.entries(errorCode)[0] ?? [];
			result.errors.push({
				code: family ? `${family}.${String(value)}` : 'unknown',
				message: typeof e.message === 'string' ? e.message : '',
			});
		}
	}
	return result;
}

/** Plain-English explanations of the failures this feature meets; the API's own text follows. */
const EXPLANATIONS: Record<string, string> = {
	'managerLinkError.ALREADY_INVITED_BY_THIS_MANAGER': 'this account already has a pending invitation from the manager account',
	'managerLinkError.ALREADY_MANAGED_BY_THIS_MANAGER': 'this account is already linked to the manager account',
	'managerLinkError.ALREADY_MANAGED_IN_HIERARCHY': 'this account is already managed in the manager account hierarchy',
	'managerLinkError.CUSTOMER_ALREADY_MANAGED_BY_THIS_MANAGER': 'this account is already linked to the manager account',
	'managerLinkError.INVALID_LINK_STATUS': 'the link is not in a state that allows this change',
	'managerLinkError.CANNOT_MANAGE_SELF': 'the manager account cannot manage itself',
	'managerLinkError.ACCOUNTS_NOT_COMPATIBLE_FOR_LINKING': 'the accounts cannot be linked',
	'managerLinkError.TOO_MANY_MANAGERS': 'the client account already has the maximum number of managers',
	'managerLinkError.TOO_MANY_INVITES': 'the client account has too many pending invitations',
	'requestError.INVALID_CUSTOMER_ID': 'the customer id does not exist or is not valid',
	'fieldError.INVALID_VALUE': 'a value in the request is not valid',
	'authorizationError.USER_PERMISSION_DENIED':
		'the OAuth user has no access to the manager account (check the manager customer id and the user\'s access)',
	'authorizationError.CUSTOMER_NOT_ENABLED': 'the account is not enabled',
	'authorizationError.DEVELOPER_TOKEN_NOT_APPROVED': 'the developer token is only approved for test accounts',
	'authenticationError.NOT_ADS_USER': 'the OAuth user is not a Google Ads user',
	'authenticationError.OAUTH_TOKEN_EXPIRED': 'the OAuth access token expired',
	'authenticationError.DEVELOPER_TOKEN_INVALID': 'the developer token is not valid',
	'quotaError.RESOURCE_EXHAUSTED': 'the Google Ads API quota is used up: try again later',
	'quotaError.RESOURCE_TEMPORARILY_EXHAUSTED': 'too many requests to the Google Ads API: try again in a moment',
	invalid_grant: 'the refresh token is invalid or revoked: authorize the Google account again and update the credential',
	invalid_client: 'the OAuth client id or secret is wrong',
};

export function describeGoogleAdsError(body: unknown): ProviderErrorInfo {
	const parsed = parseGoogleAdsErrorBody(body);
	const first = parsed.errors[0];
	const code = first?.code ?? parsed.status;
	const explanation = code ? EXPLANATIONS[code] : undefined;
	const original = first?.message || parsed.message;
	const parts = [explanation, original && original !== explanation ? original : undefined].filter(Boolean);
	let message = parts.join(' — ');
	if (parsed.requestId) message += ` (request id ${parsed.requestId})`;
	return { code, message: message || undefined };
}

/** Google Ads failure codes that mean "the link already exists": invite reports the state instead. */
export const ALREADY_LINKED_CODES = new Set([
	'managerLinkError.ALREADY_INVITED_BY_THIS_MANAGER',
	'managerLinkError.ALREADY_MANAGED_BY_THIS_MANAGER',
	'managerLinkError.CUSTOMER_ALREADY_MANAGED_BY_THIS_MANAGER',
	'managerLinkError.ALREADY_MANAGED_IN_HIERARCHY',
]);

/** The request id Google put in an error message made by describeGoogleAdsError. */
export function requestIdOf(error: unknown): string | undefined {
	if (error instanceof ApiError && error.providerMessage) {
		return /\(request id ([A-Za-z0-9_-]+)\)/.exec(error.providerMessage)?.[1];
	}
	return undefined;
}
