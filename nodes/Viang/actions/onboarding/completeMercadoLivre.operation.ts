import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { completeAuthorization } from '../../../../domain/onboarding/authorization';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { flowContext, redirectUriProperty } from './context';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', default: '={{ $json.query.code }}', description: 'Authorization code sent by Mercado Livre' },
	{ displayName: 'State', name: 'state', type: 'string', default: '={{ $json.query.state }}', description: 'The signed state sent back by Mercado Livre' },
	{
		displayName: 'Error',
		name: 'error',
		type: 'string',
		default: '={{ $json.query.error }}',
		description: 'Error sent by Mercado Livre instead of a code (e.g. access_denied)',
	},
	redirectUriProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['onboarding'], operation: ['completeMercadoLivre'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const context = await flowContext(this, i);
		const text = (name: string) => {
			const value = this.getNodeParameter(name, i, '');
			return value === undefined || value === null ? '' : String(value);
		};
		// Tokens are exchanged and stored inside; the item holds the outcome and the seller's page only.
		const result = await completeAuthorization(context, { code: text('code'), state: text('state'), error: text('error') });
		return result as unknown as IDataObject;
	});
}
