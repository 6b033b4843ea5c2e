import type { INodeProperties } from 'n8n-workflow';
import * as createOrFind from './createOrFind.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as setStatus from './setStatus.operation';

export { createOrFind, get, getMany, setStatus };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['client'] } },
		options: [
			{
				name: 'Create or Find',
				value: 'createOrFind',
				description: 'Validate a new client (name, e-mail, CPF/CNPJ) and create it, or find an existing one',
				action: 'Create or find a client',
			},
			{ name: 'Get', value: 'get', description: 'Get a client by ID or name', action: 'Get a client' },
			{ name: 'Get Many', value: 'getMany', description: 'List clients', action: 'Get many clients' },
			{
				name: 'Set Status',
				value: 'setStatus',
				description: 'Move a client through its lifecycle (recorded with time and reason)',
				action: 'Set the status of a client',
			},
		],
		default: 'get',
	},
	...createOrFind.description,
	...get.description,
	...getMany.description,
	...setStatus.description,
];
