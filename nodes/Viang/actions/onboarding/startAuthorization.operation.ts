import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { startAuthorization } from '../../../../domain/onboarding/authorization';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { flowContext, redirectUriProperty } from './context';

const properties: INodeProperties[] = [
	{
		displayName: 'Invite Token',
		name: 'inviteToken',
		type: 'string',
		typeOptions: { password: true },
		default: '={{ $json.query.convite }}',
		description: 'The token of the e-mail link (query parameter "convite")',
	},
	redirectUriProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['onboarding'], operation: ['startAuthorization'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return executePerItem(this, async (i) => {
		const context = await flowContext(this, i);
		const result = await startAuthorization(context, String(this.getNodeParameter('inviteToken', i, '') ?? ''));
		// outcome "redirect": answer 302 to redirectUrl; anything else: answer with page.html.
		return result as unknown as IDataObject;
	});
}
