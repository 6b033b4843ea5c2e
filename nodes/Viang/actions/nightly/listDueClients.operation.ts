import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { listDueClients } from '../../../../domain/nightly/due-clients';
import { toNodeError } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'First Run Days',
		name: 'firstRunDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: 90,
		description: 'Days back to sync for a client that never synced successfully',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['nightly'], operation: ['listDueClients'] } }, properties);

/** One item per ready client (not per input item: the run starts from a trigger). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const startedAt = new Date().toISOString();
	try {
		const firstRunDays = this.getNodeParameter('firstRunDays', 0, 90) as number;
		const due = await withWarehouse(this, (warehouse) => listDueClients(warehouse, { firstRunDays }));
		return due.map((client) => ({ json: { ...client, nightly_started_at: startedAt } as unknown as IDataObject, pairedItem: { item: 0 } }));
	} catch (error) {
		if (this.continueOnFail()) return [{ json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: 0 } }];
		throw toNodeError(this.getNode(), error, 0);
	}
}
