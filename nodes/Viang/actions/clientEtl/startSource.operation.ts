import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { startSource } from '../../../../domain/client-etl/run';
import type { EtlSource } from '../../../../domain/client-etl/sources';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';
import { stateParameter } from './state';

export const sourceProperty: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	options: [
		{ name: 'Bling', value: 'bling' },
		{ name: 'Mercado Livre', value: 'mercadolivre' },
		{ name: 'UpSeller', value: 'upseller' },
	],
	default: 'mercadolivre',
};

const properties: INodeProperties[] = [
	sourceProperty,
	{ displayName: 'Run State', name: 'state', type: 'json', default: '={{ $json }}', description: 'The item from Plan Sources or the previous Record Source' },
];

export const description = updateDisplayOptions({ show: { resource: ['clientEtl'], operation: ['startSource'] } }, properties);

/** The state again, with the source's run log row open (`current`). */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			const state = await startSource(warehouse, stateParameter(this, 'state', i), this.getNodeParameter('source', i) as EtlSource);
			return state as unknown as IDataObject;
		}),
	);
}
