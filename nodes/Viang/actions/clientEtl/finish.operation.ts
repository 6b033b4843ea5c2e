import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { finishClientEtl } from '../../../../domain/client-etl/run';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { stateParameter } from './state';

const properties: INodeProperties[] = [
	{ displayName: 'Run State', name: 'state', type: 'json', default: '={{ $json }}', description: 'The item of the last Record Source (or Plan Sources)' },
];

export const description = updateDisplayOptions({ show: { resource: ['clientEtl'], operation: ['finish'] } }, properties);

/** One summary item: overall and per-source status, rows, errors (redacted), the client's status. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => (await finishClientEtl(warehouse, stateParameter(this, 'state', i))) as unknown as IDataObject),
	);
}
