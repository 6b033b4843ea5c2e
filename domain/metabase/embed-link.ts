// Per-client signed embedding ("guest"/static embed): a JWT that names the dashboard and locks the
// client parameter. Metabase refuses a token whose locked parameter is missing, and the client
// cannot change a locked value, so a link for one client never shows another client's rows.
import { UserInputError } from '../validation/errors';
import { signHs256 } from './jwt';
import { CLIENT_PARAMETER } from './filters';

export const DEFAULT_LINK_MINUTES = 60;
/** Links are handed to people: long-lived ones are a leak waiting to happen. */
export const MAX_LINK_MINUTES = 60 * 24 * 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ClientDashboardLinkInput {
	/** Public Metabase address (METABASE_SITE_URL, else METABASE_URL). */
	siteUrl: string;
	/** Metabase's `embedding-secret-key` (METABASE_EMBEDDING_SECRET). */
	secret: string;
	dashboardId: number;
	/** Viang client id (uuid): the locked `cliente` parameter. */
	clientId: string;
	expiresInMinutes?: number;
	now?: Date;
}

export interface ClientDashboardLink {
	url: string;
	token: string;
	expiresAt: Date;
}

export function validateLinkMinutes(value: unknown): number {
	const minutes = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LINK_MINUTES) {
		throw new UserInputError(`A validade do link deve ser um número inteiro de minutos entre 1 e ${MAX_LINK_MINUTES}`);
	}
	return minutes;
}

export function buildClientDashboardLink(input: ClientDashboardLinkInput): ClientDashboardLink {
	if (!input.secret) throw new UserInputError('Defina METABASE_EMBEDDING_SECRET (a chave de incorporação do Metabase)');
	if (!Number.isInteger(input.dashboardId) || input.dashboardId < 1) {
		throw new UserInputError('Painel do Metabase inválido: rode `viang metabase provision` primeiro');
	}
	if (!UUID.test(input.clientId)) throw new UserInputError(`Cliente inválido: "${input.clientId}" não é um id de cliente`);
	let site: URL;
	try {
		site = new URL(input.siteUrl);
	} catch {
		throw new UserInputError(`Endereço do Metabase inválido: "${input.siteUrl}"`);
	}
	const minutes = validateLinkMinutes(input.expiresInMinutes ?? DEFAULT_LINK_MINUTES);
	const nowMs = (input.now ?? new Date()).getTime();
	const exp = Math.floor(nowMs / 1000) + minutes * 60;
	const token = signHs256(
		{ resource: { dashboard: input.dashboardId }, params: { [CLIENT_PARAMETER.slug]: input.clientId.toLowerCase() }, exp },
		input.secret,
	);
	const base = site.toString().replace(/\/+$/, '');
	return {
		url: `${base}/embed/dashboard/${token}#bordered=true&titled=true`,
		token,
		expiresAt: new Date(exp * 1000),
	};
}
