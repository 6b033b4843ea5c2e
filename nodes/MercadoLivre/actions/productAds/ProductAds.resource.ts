import type { INodeProperties } from 'n8n-workflow';
import * as getAdGroupMetrics from './getAdGroupMetrics.operation';
import * as getAdvertiser from './getAdvertiser.operation';

export { getAdGroupMetrics, getAdvertiser };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['productAds'] } },
		options: [
			{
				name: 'Get Ad Group Metrics',
				value: 'getAdGroupMetrics',
				description: 'Daily metrics of every ad group (current Product Ads API)',
				action: 'Get ad group metrics',
			},
			{
				name: 'Get Advertiser',
				value: 'getAdvertiser',
				description: 'The seller\'s Product Ads advertiser',
				action: 'Get the advertiser',
			},
		],
		default: 'getAdGroupMetrics',
	},
	...getAdGroupMetrics.description,
	...getAdvertiser.description,
];
