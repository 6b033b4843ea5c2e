import type { IExecuteFunctions, INodeExecutionData, INodeProperties, IDataObject } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import type { MercadoLivreContext } from '../../transport';
import { clientIdProperty } from '../common.descriptions';

const properties: INodeProperties[] = [clientIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getMe'] } }, properties);

export async function execute(this: IExecuteFunctions, ml: MercadoLivreContext): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const clientId = this.getNodeParameter('clientId', i) as string;
		const user = await ml.client(clientId).getMe();
		return { ...(user as IDataObject), viangClientId: clientId };
	});
}
