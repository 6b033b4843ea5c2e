import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { runBounded } from '../../../../domain/nightly/bounded';
import { runOneClient, type ClientEtlCall, type ClientRunResult } from '../../../../domain/nightly/client-run';
import { resolveRunIn, runThroughWebhook, webhookTargetFromEnv, type RunIn } from '../../../../domain/nightly/dispatch';
import type { DueClient } from '../../../../domain/nightly/due-clients';
import { toNodeError } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

export const CLIENT_ETL_WORKFLOW_ID = 'clientEtl0000001';

const properties: INodeProperties[] = [
	{
		displayName: 'Client ETL Workflow ID',
		name: 'workflowId',
		type: 'string',
		default: CLIENT_ETL_WORKFLOW_ID,
		required: true,
		description: 'The client-etl sub-workflow (Execute Workflow Trigger with client_id, data_inicio, data_fim, sources, mode)',
	},
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 64 },
		default: 8,
		description: 'Clients running at once. The providers\' rate limiters (per application and per seller) set the pace; this only keeps enough calls in flight.',
	},
	{
		displayName: 'Run In',
		name: 'runIn',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto', description: 'Queue workers when n8n runs in queue mode, otherwise this execution' },
			{ name: 'This Execution', value: 'subWorkflow', description: 'Call client-etl as a sub-workflow of this execution' },
			{ name: 'Queue Workers', value: 'queueWorkers', description: 'Send each client through the reprocess webhook, so every worker takes a share' },
		],
		default: 'auto',
	},
	{
		displayName: 'Webhook Path',
		name: 'webhookPath',
		type: 'string',
		default: 'reprocess',
		description: 'Path of the reprocess webhook (queue workers). Base URL and secret come from N8N_WEBHOOK_URL and VIANG_WEBHOOK_SECRET.',
		displayOptions: { show: { runIn: ['auto', 'queueWorkers'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['nightly'], operation: ['runClientEtl'] } }, properties);

function dueClientOf(json: IDataObject): DueClient | null {
	if (typeof json.client_id !== 'string' || typeof json.data_inicio !== 'string') return null;
	return {
		client_id: json.client_id,
		client_name: typeof json.client_name === 'string' ? json.client_name : json.client_id,
		data_inicio: json.data_inicio,
		data_fim: typeof json.data_fim === 'string' ? json.data_fim : '',
		mode: 'incremental',
		sources: typeof json.sources === 'string' ? json.sources : '',
		last_success_at: typeof json.last_success_at === 'string' ? json.last_success_at : null,
	};
}

/** The sub-workflow's inputs (its trigger declares them; empty optional ones are left out). */
function clientEtlInput(input: DueClient): IDataObject {
	const json: IDataObject = { client_id: input.client_id, data_inicio: input.data_inicio, mode: input.mode };
	if (input.data_fim) json.data_fim = input.data_fim;
	if (input.sources) json.sources = input.sources;
	return json;
}

function failedResult(input: DueClient, error: unknown): ClientRunResult {
	return {
		client_id: input.client_id,
		client_name: input.client_name,
		status: 'failed',
		rows: 0,
		duration_ms: 0,
		error: error instanceof Error ? error.message : String(error),
		needs_reauth: false,
		summary: null,
	};
}

/** One output item per input client, in input order; a client's failure is an item, not an error. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	try {
		const workflowId = String(this.getNodeParameter('workflowId', 0)).trim();
		const concurrency = this.getNodeParameter('concurrency', 0, 8) as number;
		const runIn = resolveRunIn(this.getNodeParameter('runIn', 0, 'auto') as RunIn);
		const jobs = items.map((item, index) => ({ index, input: dueClientOf(item.json), passthrough: item.json })).filter((job) => job.input !== null);

		let call: ClientEtlCall;
		if (runIn === 'queueWorkers') {
			const target = webhookTargetFromEnv(String(this.getNodeParameter('webhookPath', 0, 'reprocess')));
			call = (input) => runThroughWebhook(target, input);
		} else {
			const parent = { executionId: this.getExecutionId(), workflowId: String(this.getWorkflow().id ?? ''), shouldResume: true };
			call = async (input) => {
				const result = await this.executeWorkflow({ id: workflowId }, [{ json: clientEtlInput(input) }], undefined, {
					parentExecution: { ...parent },
					executionMode: this.getMode(),
				});
				return (result.data?.[0] ?? []).map((item) => item.json as Record<string, unknown>);
			};
		}

		return await withWarehouse(this, async (warehouse) => {
			const outcomes = await runBounded(jobs, concurrency, (job) => runOneClient(warehouse, job.input!, call));
			return outcomes.map((outcome, position) => {
				const job = jobs[position];
				const result = outcome.ok ? outcome.value : failedResult(job.input!, outcome.error);
				return {
					json: { ...result, nightly_started_at: job.passthrough.nightly_started_at ?? null, run_in: runIn } as unknown as IDataObject,
					pairedItem: { item: job.index },
				};
			});
		});
	} catch (error) {
		if (this.continueOnFail()) return [{ json: { error: error instanceof Error ? error.message : String(error) }, pairedItem: { item: 0 } }];
		throw toNodeError(this.getNode(), error, 0);
	}
}
