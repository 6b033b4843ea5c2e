// The link lifecycle Viang keeps (from the seeds) and how the API's ManagerLinkStatus maps to it.

export type LinkStatus = 'NOT_LINKED' | 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';
export const LINK_STATUSES: readonly LinkStatus[] = ['NOT_LINKED', 'PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'];

/** ManagerLinkStatus of the API (customer_client_link.status). */
export type ApiLinkStatus = 'UNSPECIFIED' | 'UNKNOWN' | 'ACTIVE' | 'INACTIVE' | 'PENDING' | 'REFUSED' | 'CANCELED';

/**
 * API status of the newest link (undefined: no link) → Viang status. CANCELED and INACTIVE mean
 * CANCELLED only when the link was ours (we had invited or linked the account); an old ended link
 * of an account we never invited leaves it NOT_LINKED.
 */
export function mapLinkStatus(api: ApiLinkStatus | string | undefined, previous?: LinkStatus | null): LinkStatus {
	switch (api) {
		case undefined:
		case null:
		case '':
			return 'NOT_LINKED';
		case 'PENDING':
			return 'PENDING';
		case 'ACTIVE':
			return 'APPROVED';
		case 'REFUSED':
			return 'REJECTED';
		case 'CANCELED':
		case 'INACTIVE':
			return !previous || previous === 'NOT_LINKED' ? 'NOT_LINKED' : 'CANCELLED';
		default:
			// UNSPECIFIED/UNKNOWN: nothing we can act on; keep what we knew.
			return previous ?? 'NOT_LINKED';
	}
}

/** Whether a new invitation may be sent in this state. */
export function canInvite(status: LinkStatus): boolean {
	return status === 'NOT_LINKED' || status === 'REJECTED' || status === 'CANCELLED';
}

export function isLinkStatus(value: unknown): value is LinkStatus {
	return typeof value === 'string' && (LINK_STATUSES as readonly string[]).includes(value);
}
