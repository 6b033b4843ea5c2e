import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	user: 'getMe';
	order: 'get' | 'search';
	item: 'get' | 'getMany';
	visits: 'get';
	productAds: 'getAdvertiser' | 'getAdGroupMetrics';
	warehouseSync: 'syncClient';
};

export type MercadoLivreType = AllEntities<NodeMap>;
