// Settings of the Viang manager account (MCC) and its OAuth client. Every URL is configurable so
// tests and staging can point at a fake; defaults are Google's.
import { GoogleAdsInputError } from './errors';
import { parseCustomerId } from './customer-id';

export const DEFAULT_API_VERSION = 'v26';
export const DEFAULT_API_URL = 'https://googleads.googleapis.com';
export const DEFAULT_TOKEN_URL = 'https://oauth2.googleapis.com/token';

export interface GoogleAdsConfig {
	developerToken: string;
	clientId: string;
	clientSecret: string;
	refreshToken: string;
	/** Digits only. */
	managerCustomerId: string;
	apiVersion: string;
	apiUrl: string;
	tokenUrl: string;
	timeoutMs?: number;
}

export type GoogleAdsConfigInput = Partial<Record<keyof GoogleAdsConfig, unknown>>;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : value == null ? '' : String(value).trim());

/** Checks and normalises a configuration; names what is missing, never echoes a secret. */
export function validateGoogleAdsConfig(input: GoogleAdsConfigInput): GoogleAdsConfig {
	const required: Array<[keyof GoogleAdsConfig, string]> = [
		['developerToken', 'developer token'],
		['clientId', 'OAuth client ID'],
		['clientSecret', 'OAuth client secret'],
		['refreshToken', 'refresh token'],
		['managerCustomerId', 'manager customer ID'],
	];
	const missing = required.filter(([key]) => !text(input[key])).map(([, label]) => label);
	if (missing.length > 0) {
		throw new GoogleAdsInputError(
			'invalid_config',
			`Google Ads configuration is missing: ${missing.join(', ')}`,
			`A credencial Google Ads MCC do n8n está incompleta (falta: ${missing.join(', ')}). Avise quem cuida da plataforma.`,
		);
	}
	const apiVersion = text(input.apiVersion) || DEFAULT_API_VERSION;
	if (!/^v[0-9]{1,3}$/.test(apiVersion)) {
		throw new GoogleAdsInputError('invalid_config', `Google Ads API version "${apiVersion}" is not valid (e.g. ${DEFAULT_API_VERSION})`);
	}
	const url = (value: unknown, fallback: string, label: string): string => {
		const candidate = (text(value) || fallback).replace(/\/+$/, '');
		if (!/^https?:\/\/[^\s]+$/.test(candidate)) {
			throw new GoogleAdsInputError('invalid_config', `Google Ads ${label} "${candidate.slice(0, 100)}" is not an http(s) URL`);
		}
		return candidate;
	};
	return {
		developerToken: text(input.developerToken),
		clientId: text(input.clientId),
		clientSecret: text(input.clientSecret),
		refreshToken: text(input.refreshToken),
		managerCustomerId: parseCustomerId(text(input.managerCustomerId), { field: 'Manager customer ID' }),
		apiVersion,
		apiUrl: url(input.apiUrl, DEFAULT_API_URL, 'API URL'),
		tokenUrl: url(input.tokenUrl, DEFAULT_TOKEN_URL, 'token URL'),
		timeoutMs: typeof input.timeoutMs === 'number' ? input.timeoutMs : undefined,
	};
}

/** GOOGLE_ADS_* variables (CLI, bot). */
export function googleAdsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): GoogleAdsConfig {
	return validateGoogleAdsConfig({
		developerToken: env.GOOGLE_ADS_DEVELOPER_TOKEN,
		clientId: env.GOOGLE_ADS_CLIENT_ID,
		clientSecret: env.GOOGLE_ADS_CLIENT_SECRET,
		refreshToken: env.GOOGLE_ADS_REFRESH_TOKEN,
		managerCustomerId: env.GOOGLE_ADS_MANAGER_CUSTOMER_ID,
		apiVersion: env.GOOGLE_ADS_API_VERSION,
		apiUrl: env.GOOGLE_ADS_API_URL,
		tokenUrl: env.GOOGLE_ADS_TOKEN_URL,
	});
}
