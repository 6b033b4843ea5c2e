import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { WhatsAppContext } from '../../transport';
import { returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Client',
		name: 'client',
		type: 'string',
		default: '',
		placeholder: 'e.g. Loja Teste',
		description: 'Only this client\'s instances (ID or exact name); empty lists every instance',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['instance'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, wa: WhatsAppContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const reference = String(this.getNodeParameter('client', i, '')).trim();
		const clientId = reference ? (await wa.warehouse.clients.require(reference)).id : undefined;
		const instances = await wa.store.listInstances(clientId);
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll ? instances.length : (this.getNodeParameter('limit', i, 50) as number);
		return instances.slice(0, limit) as unknown as IDataObject[];
	});
}
