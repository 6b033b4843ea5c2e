import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	instance: 'create' | 'get' | 'getMany' | 'updateRules' | 'delete';
	phoneNumber: 'getMany';
	template: 'getMany';
	message: 'sendText' | 'sendTemplate' | 'replyByRules' | 'sendDailySummary' | 'sendDeferred';
};

export type WhatsAppCloudType = AllEntities<NodeMap>;
