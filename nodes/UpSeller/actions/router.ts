import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { withWarehouse } from '../../shared/warehouse';
import { getUpSellerConfig, UpSellerContext } from '../transport';
import * as stock from './stock/Stock.resource';
import * as warehouse from './warehouse/Warehouse.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

type Operation = { execute: (this: IExecuteFunctions, upSeller: UpSellerContext) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	stock: { getMany: stock.getMany },
	warehouse: { getMany: warehouse.getMany },
	warehouseSync: { syncClient: warehouseSync.syncClient },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: 0 });
	}
	const config = await getUpSellerConfig(this);
	const output = await withWarehouse(this, (wh) => handler.execute.call(this, new UpSellerContext(config, wh)));
	return [output];
}
