import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { annotateItem } from '../../../../domain/mercadolivre/display';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [
	clientIdProperty,
	{ displayName: 'Item ID', name: 'itemId', type: 'string', default: '', required: true, placeholder: 'e.g. MLB1234567890' },
];

export const description = updateDisplayOptions({ show: { resource: ['item'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const itemId = String(this.getNodeParameter('itemId', i)).trim();
		return annotateItem(await ml.client(clientId).getItem(itemId)) as unknown as IDataObject;
	});
}
