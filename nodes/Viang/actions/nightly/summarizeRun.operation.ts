import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { ClientRunResult } from '../../../../domain/nightly/client-run';
import { summarizeNightly } from '../../../../domain/nightly/summary';
import { toNodeError } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Summarizes the output of Run Client ETL (one item per client) into one item with the staff message.',
		name: 'summarizeNotice',
		type: 'notice',
		default: '',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['nightly'], operation: ['summarizeRun'] } }, properties);

function isClientResult(json: IDataObject): boolean {
	return typeof json.client_id === 'string' && (json.status === 'ok' || json.status === 'failed');
}

/** All input items → one summary item; the run's updates_log row (source nightly, step summary). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	try {
		const results = items.map((item) => item.json).filter(isClientResult) as unknown as ClientRunResult[];
		const starts = items.map((item) => Date.parse(String(item.json.nightly_started_at ?? ''))).filter((t) => !Number.isNaN(t));
		const finishedAt = Date.now();
		const summary = summarizeNightly(results, starts.length > 0 ? Math.min(...starts) : finishedAt, finishedAt);
		await withWarehouse(this, async (warehouse) => {
			const run = await warehouse.runs.start({ clientId: null, source: 'nightly', step: 'summary', dateFrom: summary.day, dateTo: summary.day });
			await warehouse.runs.finish(run.id, {
				status: summary.clients_failed === 0 ? 'success' : 'error',
				rowsRead: summary.clients_total,
				rowsWritten: summary.rows,
				error: summary.clients_failed === 0 ? undefined : `${summary.clients_failed} cliente(s) com falha: ${summary.failures.map((f) => f.client_name).join(', ')}`,
			});
		});
		return [{ json: summary as unknown as IDataObject, pairedItem: items.map((_, item) => ({ item })) }];
	} catch (error) {
		if (this.continueOnFail()) return [{ json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: 0 } }];
		throw toNodeError(this.getNode(), error, 0);
	}
}
