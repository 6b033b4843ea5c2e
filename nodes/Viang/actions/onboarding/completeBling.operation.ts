import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { completeBlingAuthorization } from '../../../../domain/onboarding/bling-authorization';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { blingFlowContext, blingRedirectUriProperty } from './blingContext';

const properties: INodeProperties[] = [
	{ displayName: 'Code', name: 'code', type: 'string', default: '={{ $json.query.code }}', description: 'Authorization code sent by Bling (valid one minute, once)' },
	{ displayName: 'State', name: 'state', type: 'string', default: '={{ $json.query.state }}', description: 'The signed state sent back by Bling' },
	{
		displayName: 'Error',
		name: 'error',
		type: 'string',
		default: '={{ $json.query.error }}',
		description: 'Error sent by Bling instead of a code (e.g. access_denied)',
	},
	blingRedirectUriProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['onboarding'], operation: ['completeBling'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const context = await blingFlowContext(this, i);
		const text = (name: string) => {
			const value = this.getNodeParameter(name, i, '');
			return value === undefined || value === null ? '' : String(value);
		};
		// The code is exchanged and the tokens stored inside; the item holds the outcome and the page only.
		const result = await completeBlingAuthorization(context, { code: text('code'), state: text('state'), error: text('error') });
		return result as unknown as IDataObject;
	});
}
