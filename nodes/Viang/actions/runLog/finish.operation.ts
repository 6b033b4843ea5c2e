import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{ displayName: 'Run ID', name: 'runId', type: 'number', default: 0, required: true, description: 'The ID returned by Run Log → Start' },
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Error', value: 'error' },
			{ name: 'Skipped', value: 'skipped' },
			{ name: 'Success', value: 'success' },
		],
		default: 'success',
	},
	{ displayName: 'Rows Read', name: 'rowsRead', type: 'number', default: 0 },
	{ displayName: 'Rows Written', name: 'rowsWritten', type: 'number', default: 0 },
	{
		displayName: 'Error Message',
		name: 'errorMessage',
		type: 'string',
		default: '',
		description: 'Stored with tokens redacted',
	},
	{
		displayName: 'Include Item Data',
		name: 'includeItem',
		type: 'boolean',
		default: true,
		description: 'Whether to keep the input item in the output (e.g. a sync summary)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['runLog'], operation: ['finish'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const runId = Number(this.getNodeParameter('runId', i));
			const status = this.getNodeParameter('status', i) as 'success' | 'error' | 'skipped';
			const errorMessage = String(this.getNodeParameter('errorMessage', i, '') ?? '').trim();
			await warehouse.runs.finish(runId, {
				status,
				rowsRead: Number(this.getNodeParameter('rowsRead', i, 0)) || undefined,
				rowsWritten: Number(this.getNodeParameter('rowsWritten', i, 0)) || undefined,
				error: errorMessage || undefined,
			});
			const base = this.getNodeParameter('includeItem', i, true) ? (items[i].json as IDataObject) : {};
			return { ...base, runId, runStatus: status };
		}),
	);
}
