import type { INodeProperties } from 'n8n-workflow';

export { returnAllOrLimit } from '../../shared/descriptions';

export const instanceProperty: INodeProperties = {
	displayName: 'Instance',
	name: 'instance',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 3f1c2a9e-… or 106540352242922',
	description: 'The client\'s WhatsApp instance: its ID, or the phone number ID Meta gave the number',
};

export const wabaIdProperty: INodeProperties = {
	displayName: 'WhatsApp Business Account IDs',
	name: 'wabaIds',
	type: 'string',
	default: '',
	placeholder: 'e.g. 102290129340398',
	description: 'Comma-separated; empty means every WABA of the credential',
};

