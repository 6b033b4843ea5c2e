import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { handleNotification, ML_TOPICS } from '../../domain/mercadolivre/notifications';
import { clientForViangClient } from '../../domain/mercadolivre/session';
import { InvalidGrantError } from '../../domain/warehouse';
import { getMlApp } from '../MercadoLivre/transport';
import { credentialTest } from '../MercadoLivre/methods';
import { getWarehouse } from '../shared/warehouse';

const TOPIC_NAMES: Record<(typeof ML_TOPICS)[number], string> = {
	claims: 'Claims',
	items: 'Items',
	messages: 'Messages',
	orders_feedback: 'Orders Feedback',
	orders_v2: 'Orders',
	payments: 'Payments',
	questions: 'Questions',
	shipments: 'Shipments',
};

export class MercadoLivreTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Mercado Livre Trigger',
		name: 'mercadoLivreTrigger',
		icon: { light: 'file:mercadoLivre.svg', dark: 'file:mercadoLivre.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["topics"] || []).join(", ") || "all topics"}}',
		description:
			'Starts the workflow when Mercado Livre notifies a change; emits the re-read resource with the Viang client ID',
		defaults: { name: 'Mercado Livre Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'mercadoLivreAppApi', required: true, testedBy: 'mercadoLivreAppApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					'Mercado Livre sends notifications to the one callback URL configured for the app in its developer panel (with the topics to send). Copy this node\'s production webhook URL there; activating the workflow does not register anything.',
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				options: ML_TOPICS.map((value) => ({ name: TOPIC_NAMES[value], value })).sort((a, b) => a.name.localeCompare(b.name)),
				default: ['orders_v2'],
				description: 'Notifications of other topics are acknowledged and dropped. None selected means all.',
			},
		],
	};

	methods = { credentialTest };

	// The callback URL is app-level in Mercado Livre's developer panel: nothing to create or delete.
	webhookMethods = {
		default: {
			async checkExists(): Promise<boolean> {
				return true;
			},
			async create(): Promise<boolean> {
				return true;
			},
			async delete(): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// Answer 200 at once: Mercado Livre retries slow answers; the work happens after.
		const res = this.getResponseObject();
		res.status(200).end();
		const topics = this.getNodeParameter('topics', []) as string[];
		const app = await getMlApp(this);
		const warehouse = await getWarehouse(this);
		const result = await handleNotification({
			body: this.getBodyData(),
			topics,
			findClientId: async (mlUserId) => (await warehouse.clients.list()).find((c) => c.mlUserId === mlUserId)?.id ?? null,
			clientFor: (clientId) => clientForViangClient(warehouse.vault, app, clientId, { invalidGrant: (m) => new InvalidGrantError(m) }),
		});
		if (result.outcome === 'unknown_user') {
			this.logger.info(`Mercado Livre notification for unknown user_id ${String(result.notification?.user_id)} (topic ${result.notification?.topic}) ignored`);
		}
		if (result.outcome !== 'emit' && result.outcome !== 'fetch_failed') return { noWebhookResponse: true };
		const n = result.notification!;
		const item: IDataObject = {
			clientId: result.clientId,
			topic: n.topic,
			resource: n.resource,
			userId: String(n.user_id),
			notificationId: n._id ?? null,
			sent: n.sent ?? null,
			data: (result.resource as IDataObject) ?? null,
		};
		if (result.error) item.error = result.error;
		return { noWebhookResponse: true, workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
