import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { syncUpSellerClient } from '../../../../domain/upseller/etl';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { UpSellerContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [clientIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['warehouseSync'], operation: ['syncClient'] } }, properties);

export async function execute(this: IExecuteFunctions, upSeller: UpSellerContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = String(this.getNodeParameter('clientId', i)).trim();
		const summary = await syncUpSellerClient({ warehouse: upSeller.warehouse, config: upSeller.config, clientId, client: await upSeller.client(clientId) });
		return summary as unknown as IDataObject;
	});
}
