import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { checkReprocessRequest } from '../../../../domain/nightly/reprocess-request';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Request Body',
		name: 'body',
		type: 'json',
		default: '={{ $json.body }}',
		description: 'The request: clientId, dataInicio (YYYY-MM-DD), requestedBy; optional dataFim, sources, mode, wait',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['nightly'], operation: ['checkReprocessRequest'] } }, properties);

/** `valid: true` plus the client-etl job, or `valid: false` with the pt-BR error and HTTP status. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			let body = this.getNodeParameter('body', i, {}) as unknown;
			if (typeof body === 'string') {
				try {
					body = JSON.parse(body);
				} catch {
					body = undefined;
				}
			}
			const check = await checkReprocessRequest(body, warehouse.clients);
			return (check.valid ? { valid: true, ...check.job } : check) as unknown as IDataObject;
		}),
	);
}
