import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { createInstanceForNumber, whatsAppStaffFailure } from '../../../../domain/whatsapp';
import { executePerItem, type PerItemOptions } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Client',
		name: 'client',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Loja Teste or 3f1c2a9e-…',
		description: 'The Viang client (ID or exact name) the number belongs to',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +55 11 98765-4321',
		description:
			'The number the client added to the Meta app (or its phone number ID). The node finds it among the app\'s numbers in every WABA.',
	},
	{
		displayName: 'Rules (JSON)',
		name: 'rules',
		type: 'json',
		default: '',
		description: 'Automation rules; empty starts with the defaults ("vendas" → yesterday\'s sales, "sair" → opt-out). See docs/whatsapp.md.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['instance'], operation: ['create'] } }, properties);

// Failed items also carry a pt-BR message and whether it was the input (see executePerItem).
export const perItemOptions: PerItemOptions = { staffFailure: (error) => whatsAppStaffFailure(error) };

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const client = await wa.warehouse.clients.require(String(this.getNodeParameter('client', i)).trim());
		const rules = this.getNodeParameter('rules', i, '') as unknown;
		const result = await createInstanceForNumber({
			client: wa.client,
			store: wa.store,
			wabaIds: wa.app.wabaIds,
			clientId: client.id,
			phone: String(this.getNodeParameter('phoneNumber', i)),
			rules: rules === '' || rules === undefined ? undefined : rules,
		});
		return { ...result.instance, warnings: result.warnings, phoneNumber: result.phoneNumber } as unknown as IDataObject;
	}, perItemOptions);
}
