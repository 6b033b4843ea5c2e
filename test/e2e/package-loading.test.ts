// The package, installed as a community package, is what n8n 2.41 loads: every node listed in
// package.json appears under `n8n-nodes-viang.<name>`, the type name the exported workflows use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { N8nInstance } from '../support/n8n';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('n8n loads the package', () => {
	let n8n: N8nInstance;

	beforeAll(() => {
		n8n = new N8nInstance();
	});

	afterAll(async () => {
		await n8n.dispose();
	});

	it('registers every node of package.json as n8n-nodes-viang.<node>', async () => {
		const output = join(n8n.userFolder, 'nodes.json');
		const result = await n8n.cli(['export:nodes', `--output=${output}`]);
		expect(result.code).toBe(0);
		const exported = JSON.parse(readFileSync(output, 'utf8')) as Array<{ name: string; displayName: string }>;
		const ours = exported.filter((node) => node.name.startsWith('n8n-nodes-viang.'));
		const expected = (pkg.n8n.nodes as string[]).map((file) => {
			// dist/nodes/MercadoLivre/MercadoLivre.node.js → mercadoLivre
			const base = file.split('/').pop()!.replace('.node.js', '');
			return `n8n-nodes-viang.${base.charAt(0).toLowerCase()}${base.slice(1)}`;
		});
		expect(expected.length).toBeGreaterThan(0);
		expect(ours.map((node) => node.name).sort()).toEqual(expect.arrayContaining(expected.sort()));
	});
});
