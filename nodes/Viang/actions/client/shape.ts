import type { IDataObject } from 'n8n-workflow';
import type { Client } from '../../../../domain/warehouse';

/** A client as an n8n item (dates as ISO text). */
export function clientItem(client: Client): IDataObject {
	return {
		id: client.id,
		name: client.name,
		contactEmail: client.contactEmail,
		document: client.document,
		documentType: client.documentType,
		mlUserId: client.mlUserId,
		blingAccountId: client.blingAccountId,
		upsellerAccountId: client.upsellerAccountId,
		status: client.status,
		statusChangedAt: client.statusChangedAt.toISOString(),
		createdAt: client.createdAt.toISOString(),
	};
}

export const clientReferenceProperty = {
	displayName: 'Client',
	name: 'clientId',
	type: 'string' as const,
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a9e-… or Loja Exemplo',
	description: 'ID or name of the Viang client',
};
