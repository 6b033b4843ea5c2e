// How the node reaches Bling: the app from the `blingAppApi` credential, the client's tokens from
// the Viang warehouse vault (`viangWarehouseApi`). One API client per Viang client per execution;
// the limiters behind them are process-wide (domain/bling/limits.ts).
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { BlingClient } from '../../../domain/bling/client';
import { BlingApp, DEFAULT_BLING_API_URL, DEFAULT_BLING_AUTHORIZE_URL, DEFAULT_BLING_TOKEN_URL } from '../../../domain/bling/config';
import { blingClientForViangClient } from '../../../domain/bling/session';
import type { Warehouse } from '../../../domain/warehouse';

export function blingAppFromCredentials(credentials: ICredentialDataDecryptedObject): BlingApp {
	return {
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		redirectUri: credentials.redirectUri ? String(credentials.redirectUri) : undefined,
		apiUrl: String(credentials.apiUrl || DEFAULT_BLING_API_URL),
		authorizeUrl: String(credentials.authorizeUrl || DEFAULT_BLING_AUTHORIZE_URL),
		tokenUrl: String(credentials.tokenUrl || DEFAULT_BLING_TOKEN_URL),
	};
}

export async function getBlingApp(ctx: IExecuteFunctions | IWebhookFunctions): Promise<BlingApp> {
	return blingAppFromCredentials(await ctx.getCredentials('blingAppApi'));
}

/** Everything an operation needs, shared by all items of one execution. */
export class BlingContext {
	private readonly clients = new Map<string, BlingClient>();

	constructor(
		readonly app: BlingApp,
		readonly warehouse: Warehouse,
	) {}

	client(clientId: string): BlingClient {
		const id = clientId.trim();
		if (!id) throw new Error('Client ID is empty');
		let client = this.clients.get(id);
		if (!client) {
			client = blingClientForViangClient(this.warehouse.vault, this.app, id);
			this.clients.set(id, client);
		}
		return client;
	}
}
