import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { settleAfterClientEtl } from '../../../../domain/client-etl/client-status';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', required: true },
	{ displayName: 'From', name: 'dataInicio', type: 'string', default: '', placeholder: 'YYYY-MM-DD', required: true, description: 'First day of the load (for the retry command)' },
	{ displayName: 'To', name: 'dataFim', type: 'string', default: '', placeholder: 'YYYY-MM-DD' },
	{
		displayName: 'Input: what Execute Workflow (client-etl, continuing on error) answered.',
		name: 'settleNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientEtl'], operation: ['settleClient'] } }, properties);

/** client-etl's summary as is (already settled), or the failure applied when client-etl failed. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const day = (name: string) => toDay(String(this.getNodeParameter(name, i, '') ?? '').trim());
			const dataInicio = day('dataInicio');
			if (!dataInicio) throw new Error('From must be a day YYYY-MM-DD');
			const result = await settleAfterClientEtl(warehouse, {
				clientId: String(this.getNodeParameter('clientId', i)).trim(),
				dataInicio,
				dataFim: day('dataFim'),
				result: items[i].json as Record<string, unknown>,
			});
			return result as IDataObject;
		}),
	);
}
