import type { INodeProperties } from 'n8n-workflow';
import * as create from './create.operation';
import * as deleteInstance from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as updateRules from './updateRules.operation';

export { create, deleteInstance, get, getMany, updateRules };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['instance'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Find a client\'s number among the app\'s numbers and create its instance (quick wizard)',
				action: 'Create an instance',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete an instance', action: 'Delete an instance' },
			{ name: 'Get', value: 'get', description: 'Get an instance', action: 'Get an instance' },
			{ name: 'Get Many', value: 'getMany', description: 'List instances', action: 'Get many instances' },
			{
				name: 'Update Rules',
				value: 'updateRules',
				description: 'Replace the automation rules of an instance',
				action: 'Update the rules of an instance',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteInstance.description,
	...get.description,
	...getMany.description,
	...updateRules.description,
];
