import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { annotateItem } from '../../../../domain/mercadolivre/display';
import { getItemsById, scanItemIds } from '../../../../domain/mercadolivre/items';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Any', value: '' },
			{ name: 'Closed', value: 'closed' },
			{ name: 'Paused', value: 'paused' },
		],
		default: '',
	},
	...returnAllOrLimit(),
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const status = (this.getNodeParameter('status', i, '') as string) || undefined;
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const max = returnAll ? undefined : (this.getNodeParameter('limit', i) as number);
		const client = ml.client(clientId);
		const ids: string[] = [];
		await scanItemIds(client, await ml.sellerId(clientId), (page) => void ids.push(...page), { status, max });
		const items = await getItemsById(client, ids);
		return ids.flatMap((id) => {
			const item = items.get(id);
			return item ? [annotateItem(item) as unknown as IDataObject] : [];
		});
	});
}
