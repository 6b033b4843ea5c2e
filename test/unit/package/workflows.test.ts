// Every shipped workflow imports cleanly into a stock n8n with this package installed: pinned ids,
// a version to publish, our node types spelled as n8n will register them, and only resources and
// operations our nodes really have.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeType, INodeTypeDescription } from 'n8n-workflow';

const root = join(__dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
}

const workflows = readdirSync(join(root, 'workflows'))
	.filter((file) => file.endsWith('.json'))
	.map((file) => ({ file, json: JSON.parse(readFileSync(join(root, 'workflows', file), 'utf8')) }));

/** Our node classes by type name, loaded from source: `n8n-nodes-viang.<name>` → description. */
function ourNodes(): Map<string, INodeTypeDescription> {
	const nodes = new Map<string, INodeTypeDescription>();
	for (const dist of pkg.n8n.nodes as string[]) {
		const source = join(root, dist.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const exported = require(source) as Record<string, new () => INodeType>;
		for (const NodeClass of Object.values(exported)) {
			const description = new NodeClass().description;
			nodes.set(`n8n-nodes-viang.${description.name}`, description);
		}
	}
	return nodes;
}

const nodes = ourNodes();

function optionValues(description: INodeTypeDescription, name: string, resource?: string): string[] {
	return description.properties
		.filter((p: INodeProperties) => p.name === name)
		.filter((p) => !resource || !p.displayOptions?.show?.resource || (p.displayOptions.show.resource as string[]).includes(resource))
		.flatMap((p) => (p.options ?? []).map((o) => String((o as { value: unknown }).value)));
}

describe.each(workflows)('workflows/$file', ({ json }) => {
	it('has a pinned id, a version to publish and a name', () => {
		expect(json.id).toMatch(/^[A-Za-z0-9]{10,21}$/);
		expect(json.versionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(json.name).toEqual(expect.any(String));
	});

	it('uses node types n8n registers for this package', () => {
		for (const node of json.nodes as WorkflowNode[]) {
			if (node.type.startsWith('n8n-nodes-viang.')) expect(nodes.has(node.type)).toBe(true);
			else expect(node.type).toMatch(/^(n8n-nodes-base|@n8n\/n8n-nodes-langchain)\./);
		}
	});

	it("sets only resources and operations our nodes have", () => {
		for (const node of json.nodes as WorkflowNode[]) {
			const description = nodes.get(node.type);
			if (!description) continue;
			const resource = node.parameters.resource as string | undefined;
			if (resource !== undefined) expect(optionValues(description, 'resource')).toContain(resource);
			const operation = node.parameters.operation as string | undefined;
			if (operation !== undefined) expect(optionValues(description, 'operation', resource)).toContain(operation);
		}
	});

	it('connects only nodes that exist', () => {
		const names = new Set((json.nodes as WorkflowNode[]).map((node) => node.name));
		for (const [from, outputs] of Object.entries(json.connections as Record<string, { main: Array<Array<{ node: string }>> }>)) {
			expect(names.has(from)).toBe(true);
			for (const target of outputs.main.flat()) expect(names.has(target.node)).toBe(true);
		}
	});
});
