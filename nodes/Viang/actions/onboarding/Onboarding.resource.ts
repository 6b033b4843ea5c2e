import type { INodeProperties } from 'n8n-workflow';
import * as completeBling from './completeBling.operation';
import * as completeMercadoLivre from './completeMercadoLivre.operation';
import * as startAuthorization from './startAuthorization.operation';
import * as startBling from './startBling.operation';

export { completeBling, completeMercadoLivre, startAuthorization, startBling };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['onboarding'] } },
		options: [
			{
				name: 'Complete Bling Authorization',
				value: 'completeBling',
				description:
					'Bling\'s redirect: check the signed state and the Bling invite, exchange the one-minute code once, store the tokens encrypted, record the Bling account, and return the outcome with the seller\'s page',
				action: 'Complete a bling authorization',
			},
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
			{
				name: 'Start Bling Authorization',
				value: 'startBling',
				description: 'The e-mail\'s "Conectar Bling" link: check the Bling invite, sign a state and return Bling\'s authorization URL',
				action: 'Start a bling authorization',
			},
		],
		default: 'startAuthorization',
	},
	...completeBling.description,
	...completeMercadoLivre.description,
	...startAuthorization.description,
	...startBling.description,
];
