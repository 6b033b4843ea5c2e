import type { INodeProperties } from 'n8n-workflow';
import * as completeMercadoLivre from './completeMercadoLivre.operation';
import * as startAuthorization from './startAuthorization.operation';

export { completeMercadoLivre, startAuthorization };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['onboarding'] } },
		options: [
			{
				name: 'Complete Mercado Livre Authorization',
				value: 'completeMercadoLivre',
				description:
					'Mercado Livre\'s redirect: check the signed state and the invite, exchange the code, store the tokens encrypted, and return the outcome with the seller\'s page',
				action: 'Complete a mercado livre authorization',
			},
			{
				name: 'Start Authorization',
				value: 'startAuthorization',
				description: 'The e-mail link: check the invite, keep a PKCE verifier, sign a state and return Mercado Livre\'s authorization URL',
				action: 'Start an authorization',
			},
		],
		default: 'startAuthorization',
	},
	...completeMercadoLivre.description,
	...startAuthorization.description,
];
