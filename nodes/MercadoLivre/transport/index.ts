// How the node reaches Mercado Livre: the app from the `mercadoLivreAppApi` credential, the
// seller's tokens from the Viang warehouse vault (`viangWarehouseApi`). One warehouse connection
// per execution; one API client per Viang client.
import type { ICredentialDataDecryptedObject, IExecuteFunctions, IWebhookFunctions } from 'n8n-workflow';
import { MercadoLivreClient } from '../../../domain/mercadolivre/client';
import { DEFAULT_API_URL, DEFAULT_AUTH_URL, MercadoLivreApp } from '../../../domain/mercadolivre/config';
import { clientForViangClient } from '../../../domain/mercadolivre/session';
import { InvalidGrantError, type Warehouse } from '../../../domain/warehouse';

export function appFromCredentials(credentials: ICredentialDataDecryptedObject): MercadoLivreApp {
	return {
		clientId: String(credentials.clientId ?? ''),
		clientSecret: String(credentials.clientSecret ?? ''),
		redirectUri: credentials.redirectUri ? String(credentials.redirectUri) : undefined,
		apiUrl: String(credentials.apiUrl || DEFAULT_API_URL),
		authUrl: String(credentials.authUrl || DEFAULT_AUTH_URL),
	};
}

export async function getMlApp(ctx: IExecuteFunctions | IWebhookFunctions): Promise<MercadoLivreApp> {
	return appFromCredentials(await ctx.getCredentials('mercadoLivreAppApi'));
}

/** Everything an operation needs, shared by all items of one execution. */
export class MercadoLivreContext {
	private readonly clients = new Map<string, MercadoLivreClient>();
	private readonly sellerIds = new Map<string, string>();

	constructor(
		readonly app: MercadoLivreApp,
		readonly warehouse: Warehouse,
	) {}

	client(clientId: string): MercadoLivreClient {
		const id = clientId.trim();
		if (!id) throw new Error('Client ID is empty');
		let client = this.clients.get(id);
		if (!client) {
			client = clientForViangClient(this.warehouse.vault, this.app, id, { invalidGrant: (message) => new InvalidGrantError(message) });
			this.clients.set(id, client);
		}
		return client;
	}

	/** The Mercado Livre user id of a client (its tokens act for it). */
	async sellerId(clientId: string): Promise<string> {
		let sellerId = this.sellerIds.get(clientId);
		if (!sellerId) {
			sellerId = String((await this.client(clientId).getMe()).id);
			this.sellerIds.set(clientId, sellerId);
		}
		return sellerId;
	}
}
