import { viangWarehouseConnectionTest } from '../../shared/warehouse';
import { googleAdsMccApiTest } from './credentialTest';

export const credentialTest = { googleAdsMccApiTest, viangWarehouseConnectionTest };
