import { viangWarehouseConnectionTest } from '../../shared/warehouse';
import { blingAppApiTest } from './credentialTest';

export const credentialTest = { blingAppApiTest, viangWarehouseConnectionTest };
