import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { revokeOpenInvites } from '../../../../domain/onboarding/invite-store';
import { executePerItem } from '../../../shared/execute';
import { updateDisplayOptions } from '../../../shared/utilities';
import { withWarehouse } from '../../../shared/warehouse';

const properties: INodeProperties[] = [
	{
		displayName: 'Revoke',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'All Open Invites of a Client', value: 'client' },
			{ name: 'One Invite', value: 'invite' },
		],
		default: 'client',
	},
	{
		displayName: 'Client',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		description: 'ID or name of the Viang client',
		displayOptions: { show: { scope: ['client'] } },
	},
	{
		displayName: 'Invite ID',
		name: 'inviteId',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: { scope: ['invite'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['invite'], operation: ['revoke'] } }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return withWarehouse(this, (warehouse) =>
		executePerItem(this, async (i) => {
			if (this.getNodeParameter('scope', i) === 'invite') {
				const inviteId = String(this.getNodeParameter('inviteId', i)).trim();
				return { inviteId, revoked: await warehouse.invites.revoke(inviteId) };
			}
			const client = await warehouse.clients.require(String(this.getNodeParameter('clientId', i)).trim());
			const revokedInviteIds = await revokeOpenInvites(warehouse.transport, client.id);
			return { clientId: client.id, revokedInviteIds, revoked: revokedInviteIds.length };
		}),
	);
}
