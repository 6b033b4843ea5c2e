import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [clientIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['productAds'], operation: ['getAdvertiser'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		// No advertiser (no Product Ads account or permission) gives no items, not an error.
		return (await ml.client(clientId).getAdvertisers()) as unknown as IDataObject[];
	});
}
