import { viangWarehouseConnectionTest } from '../../shared/warehouse';
import { upSellerApiTest } from './credentialTest';

export const credentialTest = { upSellerApiTest, viangWarehouseConnectionTest };
