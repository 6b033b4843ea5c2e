import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { withWarehouse } from '../../shared/warehouse';
import { BlingContext, getBlingApp } from '../transport';
import * as accountsPayable from './accountsPayable/AccountsPayable.resource';
import * as accountsReceivable from './accountsReceivable/AccountsReceivable.resource';
import * as product from './product/Product.resource';
import * as salesOrder from './salesOrder/SalesOrder.resource';
import * as stock from './stock/Stock.resource';
import * as warehouseSync from './warehouseSync/WarehouseSync.resource';

type Operation = { execute: (this: IExecuteFunctions, bling: BlingContext) => Promise<INodeExecutionData[]> };

const resources: Record<string, Record<string, Operation>> = {
	accountsPayable: { getMany: accountsPayable.getMany },
	accountsReceivable: { getMany: accountsReceivable.getMany },
	product: { get: product.get, getMany: product.getMany },
	salesOrder: { get: salesOrder.get, getMany: salesOrder.getMany },
	stock: { getBalances: stock.getBalances },
	warehouseSync: { syncClient: warehouseSync.syncClient },
};

/** Dispatches to `<resource>/<operation>.operation.ts` (n8n's Airtable v2 pattern). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const handler = resources[resource]?.[operation];
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: 0 });
	}
	const app = await getBlingApp(this);
	const output = await withWarehouse(this, (warehouse) => handler.execute.call(this, new BlingContext(app, warehouse)));
	return [output];
}
