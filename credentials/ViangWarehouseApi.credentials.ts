import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where Viang keeps clients, encrypted tokens, staging data and facts. Tested by the nodes that
 * use it (`viangWarehouseConnectionTest`): the test connects and checks the schema and the key.
 */
export class ViangWarehouseApi implements ICredentialType {
	name = 'viangWarehouseApi';

	displayName = 'Viang Warehouse API';

	icon = { light: 'file:icons/viang.svg', dark: 'file:icons/viang.dark.svg' } as const;

	documentationUrl = 'https://github.com/viang/n8n-nodes-viang#environment-variables';

	properties: INodeProperties[] = [
		{
			displayName: 'Transport',
			name: 'transport',
			type: 'options',
			options: [
				{
					name: 'PostgreSQL Connection',
					value: 'postgres',
					description: 'Direct connection (Supabase database URL, or any PostgreSQL)',
				},
				{
					name: 'Supabase API',
					value: 'supabase',
					description: 'Project URL and service role key, for deployments that expose only the API',
				},
			],
			default: 'postgres',
		},
		{
			displayName: 'Database URL',
			name: 'databaseUrl',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'postgres://user:password@host:5432/postgres',
			description: 'The same value as DATABASE_URL',
			displayOptions: { show: { transport: ['postgres'] } },
		},
		{
			displayName: 'Supabase URL',
			name: 'supabaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://abcdefgh.supabase.co',
			displayOptions: { show: { transport: ['supabase'] } },
		},
		{
			displayName: 'Service Role Key',
			name: 'serviceRoleKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { transport: ['supabase'] } },
		},
		{
			displayName: 'Token Encryption Key',
			name: 'tokenKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'The 32-byte key that encrypts provider tokens at rest (VIANG_TOKEN_KEY), as 64 hex characters or base64',
		},
	];
}
