import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { withWarehouse } from '../../shared/warehouse';
import { getMlApp, MercadoLivreContext } from '../transport';
import * as item from './item/Item.resource';
import type { MercadoLivreType } from './node.type';
import * as order from './order/Order.resource';
import * as productAds from './productAds/ProductAds.resource';
import * as user from './user/User.resource';
import * as visits from './visits/Visits.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

type Operation = { execute: (this: IExecuteFunctions, ml: MercadoLivreContext) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	item: { get: item.get, getMany: item.getMany },
	order: { get: order.get, search: order.search },
	productAds: { getAdvertiser: productAds.getAdvertiser, getAdGroupMetrics: productAds.getAdGroupMetrics },
	user: { getMe: user.getMe },
	visits: { get: visits.get },
	warehouseSync: { syncClient: warehouseSync.syncClient },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as MercadoLivreType['resource'];
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: 0 });
	}
	const app = await getMlApp(this);
	const output = await withWarehouse(this, (warehouse) => handler.execute.call(this, new MercadoLivreContext(app, warehouse)));
	return [output];
}
