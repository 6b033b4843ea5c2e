// How the node reaches UpSeller: base URL and header names from the `upSellerApi` credential, each
// client's Client ID and API Token from the Viang warehouse vault (`viangWarehouseApi`).
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { UpSellerClient } from '../../../domain/upseller/client';
import { DEFAULT_API_TOKEN_HEADER, DEFAULT_CLIENT_ID_HEADER, DEFAULT_UPSELLER_BASE_URL, type UpSellerConfig } from '../../../domain/upseller/config';
import { upSellerClientFor } from '../../../domain/upseller/etl';
import type { Warehouse } from '../../../domain/warehouse';

export function upSellerConfigFromCredentials(credentials: ICredentialDataDecryptedObject): UpSellerConfig {
	return {
		baseUrl: String(credentials.baseUrl || DEFAULT_UPSELLER_BASE_URL),
		clientIdHeader: String(credentials.clientIdHeader || DEFAULT_CLIENT_ID_HEADER),
		apiTokenHeader: String(credentials.keyHeader || DEFAULT_API_TOKEN_HEADER),
	};
}

export async function getUpSellerConfig(ctx: IExecuteFunctions): Promise<UpSellerConfig> {
	return upSellerConfigFromCredentials(await ctx.getCredentials('upSellerApi'));
}

export class UpSellerContext {
	private readonly clients = new Map<string, Promise<UpSellerClient>>();

	constructor(
		readonly config: UpSellerConfig,
		readonly warehouse: Warehouse,
	) {}

	client(clientId: string): Promise<UpSellerClient> {
		const id = clientId.trim();
		if (!id) return Promise.reject(new Error('Client ID is empty'));
		let client = this.clients.get(id);
		if (!client) {
			client = upSellerClientFor(this.warehouse, this.config, id);
			client.catch(() => this.clients.delete(id));
			this.clients.set(id, client);
		}
		return client;
	}
}
