// The n8n surface: node description, credential, icons, and the mcc-monitor workflow export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoogleAdsMccApi } from '../../../credentials/GoogleAdsMccApi.credentials';
import { GoogleAdsMcc } from '../../../nodes/GoogleAdsMcc/GoogleAdsMcc.node';

const ROOT = join(__dirname, '..', '..', '..');

describe('Google Ads MCC node', () => {
	const node = new GoogleAdsMcc();
	const d = node.description;

	it('is usable as a tool, has a subtitle, both credentials with their tests, and distinct icons', () => {
		expect(d.name).toBe('googleAdsMcc');
		expect(d.usableAsTool).toBe(true);
		expect(d.subtitle).toContain('$parameter["operation"]');
		expect(d.credentials).toEqual([
			{ name: 'googleAdsMccApi', required: true, testedBy: 'googleAdsMccApiTest' },
			{ name: 'viangWarehouseApi', required: true, testedBy: 'viangWarehouseConnectionTest' },
		]);
		expect(Object.keys(node.methods.credentialTest).sort()).toEqual(['googleAdsMccApiTest', 'viangWarehouseConnectionTest']);
		const light = readFileSync(join(ROOT, 'nodes/GoogleAdsMcc/googleAdsMcc.svg'), 'utf8');
		const dark = readFileSync(join(ROOT, 'nodes/GoogleAdsMcc/googleAdsMcc.dark.svg'), 'utf8');
		expect(light).toMatch(/^<svg/);
		expect(dark).toMatch(/^<svg/);
		expect(light).not.toBe(dark);
		expect(JSON.parse(readFileSync(join(ROOT, 'nodes/GoogleAdsMcc/GoogleAdsMcc.node.json'), 'utf8')).node).toBe(
			'n8n-nodes-viang.googleAdsMcc',
		);
	});

	it('offers Link (Get, Get Many, Invite, Unlink, Withdraw Invitation) and Sync Statuses', () => {
		const operations = (resource: string) =>
			d.properties
				.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource))
				?.options?.map((o) => ('value' in o ? o.value : undefined));
		expect(operations('link')).toEqual(['get', 'getMany', 'invite', 'unlink', 'withdrawInvitation']);
		expect(operations('syncStatuses')).toEqual(['sync']);
	});

	it('has a credential with the defaults of the brief', () => {
		const credential = new GoogleAdsMccApi();
		expect(credential.name).toBe('googleAdsMccApi');
		const defaults = Object.fromEntries(credential.properties.map((p) => [p.name, p.default]));
		expect(defaults).toMatchObject({
			apiVersion: 'v26',
			apiUrl: 'https://googleads.googleapis.com',
			tokenUrl: 'https://oauth2.googleapis.com/token',
		});
		for (const secret of ['developerToken', 'clientSecret', 'refreshToken']) {
			expect(credential.properties.find((p) => p.name === secret)?.typeOptions?.password).toBe(true);
		}
	});
});

describe('workflows/mcc-monitor.json', () => {
	const workflow = JSON.parse(readFileSync(join(ROOT, 'workflows/mcc-monitor.json'), 'utf8'));
	const byName = Object.fromEntries(workflow.nodes.map((n: { name: string }) => [n.name, n]));

	it('is an n8n export with a pinned id, triggers, the sync and the notification', () => {
		expect(workflow.id).toBe('mccMonitor00001');
		const types = workflow.nodes.map((n: { type: string }) => n.type).sort();
		expect(types).toEqual([
			'n8n-nodes-base.manualTrigger',
			'n8n-nodes-base.scheduleTrigger',
			'n8n-nodes-viang.googleAdsMcc',
			'n8n-nodes-viang.viang',
		]);
		for (const node of workflow.nodes) {
			expect(node).toEqual(expect.objectContaining({ id: expect.any(String), typeVersion: expect.any(Number), position: expect.any(Array) }));
		}
		expect(byName['Every 30 Minutes'].parameters.rule.interval).toEqual([{ field: 'minutes', minutesInterval: 30 }]);
		expect(byName['Sync Google Ads Links'].parameters).toMatchObject({ resource: 'syncStatuses', operation: 'sync' });
		expect(byName['Sync Google Ads Links'].credentials).toEqual({
			googleAdsMccApi: { id: 'googleAdsMcc', name: expect.any(String) },
			viangWarehouseApi: { id: 'viangWarehouse', name: expect.any(String) },
		});
		expect(byName['Notify Staff'].parameters).toMatchObject({ resource: 'notification', operation: 'send', event: 'google_ads_link' });
		expect(byName['Notify Staff'].parameters.message).toMatch(/^=.*\{\{ \$json\.clientName \}\}.*\{\{ \$json\.from \}\}.*\{\{ \$json\.to \}\}/);
	});

	it('connects both triggers to the sync and the sync to the notification', () => {
		const targets = (from: string) => workflow.connections[from].main[0].map((c: { node: string }) => c.node);
		for (const name of Object.keys(workflow.connections)) expect(byName[name]).toBeDefined();
		expect(targets('Every 30 Minutes')).toEqual(['Sync Google Ads Links']);
		expect(targets('Run Now')).toEqual(['Sync Google Ads Links']);
		expect(targets('Sync Google Ads Links')).toEqual(['Notify Staff']);
	});
});
