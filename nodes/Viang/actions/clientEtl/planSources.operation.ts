import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { planClientEtl } from '../../../../domain/client-etl/run';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '={{ $json.client_id }}', required: true },
	{ displayName: 'From', name: 'dataInicio', type: 'string', default: '={{ $json.data_inicio }}', placeholder: 'YYYY-MM-DD', required: true },
	{ displayName: 'To', name: 'dataFim', type: 'string', default: '={{ $json.data_fim }}', placeholder: 'YYYY-MM-DD', description: 'Empty: today' },
	{
		displayName: 'Sources',
		name: 'sources',
		type: 'string',
		default: '={{ $json.sources }}',
		placeholder: 'mercadolivre,bling,upseller',
		description: 'Comma-separated (or an array): mercadolivre, bling, upseller, or parts (orders, ads, bling.stock…). Empty: every source the client is connected to.',
	},
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'string',
		default: '={{ $json.mode }}',
		placeholder: 'full',
		description: 'Full (everything created in the range) or incremental (updated since the last success); empty: full',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientEtl'], operation: ['planSources'] } }, properties);

/** The run's state item: which sources run, their parameters, the run log row; nothing is written on bad input. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const value = (name: string) => this.getNodeParameter(name, i, '') as unknown;
			const state = await planClientEtl(warehouse, {
				clientId: String(value('clientId') ?? ''),
				dataInicio: String(value('dataInicio') ?? ''),
				dataFim: String(value('dataFim') ?? ''),
				sources: value('sources'),
				mode: String(value('mode') ?? ''),
			});
			return state as unknown as IDataObject;
		}),
	);
}
