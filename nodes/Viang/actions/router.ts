import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import * as client from './client/Client.resource';
import * as clientEtl from './clientEtl/ClientEtl.resource';
import * as dashboard from './dashboard/Dashboard.resource';
import * as invite from './invite/Invite.resource';
import * as nightly from './nightly/Nightly.resource';
import * as notification from './notification/Notification.resource';
import * as onboarding from './onboarding/Onboarding.resource';
import * as runLog from './runLog/RunLog.resource';
import * as token from './token/Token.resource';

const resources = { client, clientEtl, dashboard, invite, nightly, notification, onboarding, runLog, token } as const;

/** Dispatches to `<resource>/<operation>.operation.ts` (n8n's Airtable v2 pattern). */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const resource = this.getNodeParameter('resource', 0) as keyof typeof resources;
	const operation = this.getNodeParameter('operation', 0) as string;
	const operations = resources[resource] as unknown as Record<string, { execute?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]> }>;
	const handler = operations?.[operation]?.execute;
	if (!handler) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return handler.call(this);
}
