// Small helpers every Viang node uses (n8n keeps its own equivalents internal to nodes-base).
import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** Adds `displayOptions` to every property, merged with any the property already has. */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			show: { ...(displayOptions.show ?? {}), ...(property.displayOptions?.show ?? {}) },
			hide: { ...(displayOptions.hide ?? {}), ...(property.displayOptions?.hide ?? {}) },
		},
	}));
}

/** `YYYY-MM-DD` from an n8n date parameter (ISO string, date-only string or empty). */
export function toDay(value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value);
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(text);
	return match ? match[1] : undefined;
}
