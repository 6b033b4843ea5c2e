import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { createOrFindClient } from '../../../../domain/onboarding/clients';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { clientItem } from './shape';

const properties: INodeProperties[] = [
	{
		displayName: 'Existing Client',
		name: 'clientId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 3f1c2a9e-…',
		description: 'ID or name of an existing client (e.g. to re-send an invite). When set, the fields below are ignored.',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Company name (unique)' },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'E-mail of the Mercado Livre master account; the invite goes there' },
	{ displayName: 'Document', name: 'document', type: 'string', default: '', description: 'CPF or CNPJ, with or without punctuation (check digits are verified)' },
	{ displayName: 'Requested By', name: 'requestedBy', type: 'string', default: '', description: 'Who asked for it (kept with the invite)' },
];

export const description = updateDisplayOptions({ show: { resource: ['client'], operation: ['createOrFind'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const text = (name: string) => String(this.getNodeParameter(name, i, '') ?? '').trim();
			const { client, created } = await createOrFindClient(warehouse, {
				clientId: text('clientId'),
				name: text('name'),
				email: text('email'),
				document: text('document'),
			});
			return { ...clientItem(client), created, requestedBy: text('requestedBy') || null };
		}),
	);
}
