import type { INodeProperties } from 'n8n-workflow';

export const clientIdProperty: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 3f2b… or Acme Store',
	description: 'The Viang client (its ID, or its exact name)',
};

export const statusOptions = [
	{ name: 'Approved', value: 'APPROVED' },
	{ name: 'Cancelled', value: 'CANCELLED' },
	{ name: 'Not Linked', value: 'NOT_LINKED' },
	{ name: 'Pending', value: 'PENDING' },
	{ name: 'Rejected', value: 'REJECTED' },
];
