import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { UpSellerContext } from '../../transport';
import { clientIdProperty, returnAllOrLimit } from '../common.descriptions';

const properties: INodeProperties[] = [clientIdProperty, ...returnAllOrLimit()];

export const description = updateDisplayOptions({ show: { resource: ['warehouse'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, upSeller: UpSellerContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const client = await upSeller.client(this.getNodeParameter('clientId', i) as string);
		const max = (this.getNodeParameter('returnAll', i) as boolean) ? Infinity : (this.getNodeParameter('limit', i) as number);
		return (await client.allWarehouses(max)) as IDataObject[];
	});
}
