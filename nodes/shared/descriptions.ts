// Parameters every Viang node shows the same way.
import type { INodeProperties } from 'n8n-workflow';

/** The Viang client a call acts for (its tokens come from the warehouse vault). */
export function viangClientIdProperty(provider: string): INodeProperties {
	return {
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f1c2a9e-…',
		description: `The Viang client (warehouse client ID) whose ${provider} account the call acts for`,
	};
}

export function returnAllOrLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}
