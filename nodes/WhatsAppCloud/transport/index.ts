// How the node reaches WhatsApp: the Meta app from the `whatsAppCloudApi` credential, the clients'
// instances, opt-outs and send log from the Viang warehouse (`viangWarehouseApi`). One context per
// execution; the Graph client is built only when an operation calls Meta.
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { appFromRecord, WhatsAppCloudClient, WhatsAppSender, WhatsAppStore, type WhatsAppApp } from '../../../domain/whatsapp';
import type { Warehouse } from '../../../domain/warehouse';

export function appFromCredentials(credentials: ICredentialDataDecryptedObject): WhatsAppApp {
	return appFromRecord(credentials as Record<string, unknown>);
}

export class WhatsAppContext {
	readonly store: WhatsAppStore;
	private graph: WhatsAppCloudClient | undefined;
	private outbox: WhatsAppSender | undefined;

	constructor(
		readonly app: WhatsAppApp,
		readonly warehouse: Warehouse,
	) {
		this.store = new WhatsAppStore(warehouse.transport);
	}

	get client(): WhatsAppCloudClient {
		return (this.graph ??= new WhatsAppCloudClient(this.app));
	}

	get sender(): WhatsAppSender {
		return (this.outbox ??= new WhatsAppSender(this.client, this.store));
	}

	/** WABA IDs from a node parameter ("" = every WABA of the credential). */
	wabaIds(parameter: string): string[] {
		const ids = parameter
			.split(/[\s,;]+/)
			.map((id) => id.trim())
			.filter(Boolean);
		return ids.length > 0 ? ids : this.app.wabaIds;
	}
}
