import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { toDay, updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '', description: 'The client the run is about (empty: none)' },
	{ displayName: 'Source', name: 'source', type: 'string', default: '', required: true, placeholder: 'client_etl', description: 'What runs, e.g. client_etl, ml_orders, bling_stock' },
	{ displayName: 'Step', name: 'step', type: 'string', default: '', placeholder: 'backfill' },
	{ displayName: 'From', name: 'dateFrom', type: 'string', default: '', placeholder: 'YYYY-MM-DD' },
	{ displayName: 'To', name: 'dateTo', type: 'string', default: '', placeholder: 'YYYY-MM-DD' },
];

export const description = updateDisplayOptions({ show: { resource: ['runLog'], operation: ['start'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const text = (name: string) => String(this.getNodeParameter(name, i, '') ?? '').trim();
			const run = await warehouse.runs.start({
				clientId: text('clientId') || null,
				source: text('source'),
				step: text('step') || undefined,
				dateFrom: toDay(text('dateFrom')) ?? null,
				dateTo: toDay(text('dateTo')) ?? null,
			});
			return { runId: run.id, startedAt: run.startedAt.toISOString(), source: text('source'), clientId: text('clientId') || null };
		}),
	);
}
