// Fake UpSeller Open API on loopback, built on FakeServer: POST getWarehouseList/v1 and
// pageWarehouseSku/v1 under /erp/inventory, the {code,msg,data:{list,total}} envelope, pageNo/
// pageSize paging, and authentication by two headers whose names the test chooses (UpSeller's
// real names are unconfirmed; defaults as in reference/upseller.md).
import { FakeRequest, FakeResponse, FakeServer } from './base';

export const UPSELLER_PREFIX = '/erp/inventory';

export interface FakeUpSellerWarehouse {
	warehouseId: string;
	warehouseName: string;
	skus: Array<{ sku: string; availableStock: number; [key: string]: unknown }>;
}

export interface FakeUpSellerAccount {
	clientId: string;
	apiToken: string;
	warehouses: FakeUpSellerWarehouse[];
}

export interface FakeUpSellerOptions {
	clientIdHeader?: string;
	apiTokenHeader?: string;
}

const envelope = (data: unknown, code = 0, msg = 'success'): FakeResponse => ({ status: 200, body: { code, msg, data } });

export class FakeUpSeller {
	readonly server = new FakeServer('upseller');
	readonly accounts = new Map<string, FakeUpSellerAccount>();
	readonly clientIdHeader: string;
	readonly apiTokenHeader: string;

	constructor(options: FakeUpSellerOptions = {}) {
		this.clientIdHeader = (options.clientIdHeader ?? 'client-id').toLowerCase();
		this.apiTokenHeader = (options.apiTokenHeader ?? 'api-token').toLowerCase();
		this.routes();
	}

	get url(): string {
		return `${this.server.url}${UPSELLER_PREFIX}`;
	}

	start(port = 0): Promise<string> {
		return this.server.start(port);
	}

	stop(): Promise<void> {
		return this.server.stop();
	}

	addAccount(account: FakeUpSellerAccount): FakeUpSellerAccount {
		this.accounts.set(account.clientId, account);
		return account;
	}

	private account(request: FakeRequest): FakeUpSellerAccount | null {
		const clientId = String(request.headers[this.clientIdHeader] ?? '');
		const token = String(request.headers[this.apiTokenHeader] ?? '');
		const account = this.accounts.get(clientId);
		return account && account.apiToken === token ? account : null;
	}

	private page<T>(body: Record<string, unknown>, rows: T[], maxSize: number): FakeResponse {
		const pageNo = Number(body.pageNo ?? 1);
		const pageSize = Number(body.pageSize ?? 20);
		if (!(pageNo >= 1) || !(pageSize >= 1 && pageSize <= maxSize)) return envelope(null, 400, `pageSize must be between 1 and ${maxSize}`);
		return envelope({ list: rows.slice((pageNo - 1) * pageSize, pageNo * pageSize), total: rows.length });
	}

	private routes(): void {
		this.server.route('POST', `${UPSELLER_PREFIX}/getWarehouseList/v1`, (request) => {
			const account = this.account(request);
			if (!account) return envelope(null, 401, 'Invalid client id or api token');
			const rows = account.warehouses.map(({ warehouseId, warehouseName }) => ({ warehouseId, warehouseName }));
			return this.page((request.body ?? {}) as Record<string, unknown>, rows, 50);
		});
		this.server.route('POST', `${UPSELLER_PREFIX}/pageWarehouseSku/v1`, (request) => {
			const account = this.account(request);
			if (!account) return envelope(null, 401, 'Invalid client id or api token');
			const body = (request.body ?? {}) as Record<string, unknown>;
			const warehouse = account.warehouses.find((w) => w.warehouseId === String(body.warehouseId ?? ''));
			if (!warehouse) return envelope(null, 404, 'warehouse not found');
			return this.page(body, warehouse.skus, 100);
		});
	}
}
