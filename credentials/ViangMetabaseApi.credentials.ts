import type { ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Signs per-client dashboard links (Metabase static embedding). */
export class ViangMetabaseApi implements ICredentialType {
	name = 'viangMetabaseApi';

	displayName = 'Viang Metabase Embedding API';

	icon = { light: 'file:icons/viang.svg', dark: 'file:icons/viang.dark.svg' } as const;

	documentationUrl = 'https://github.com/viang/n8n-nodes-viang/blob/main/docs/metabase.md';

	properties: INodeProperties[] = [
		{
			displayName: 'Site URL',
			name: 'siteUrl',
			type: 'string',
			default: '',
			placeholder: 'https://painel.viang.com.br',
			description: 'Where people open Metabase (METABASE_SITE_URL)',
		},
		{
			displayName: 'API URL',
			name: 'metabaseUrl',
			type: 'string',
			default: '',
			description: 'The Metabase URL used by `viang metabase provision` (METABASE_URL), when it differs from the site URL',
		},
		{
			displayName: 'Embedding Secret',
			name: 'embeddingSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: "Metabase's embedding secret key (METABASE_EMBEDDING_SECRET)",
		},
	];

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{ $credentials.metabaseUrl || $credentials.siteUrl }}',
			url: '/api/health',
		},
	};
}
