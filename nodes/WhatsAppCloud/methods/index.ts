import { viangWarehouseConnectionTest } from '../../shared/warehouse';
import { whatsAppCloudApiTest } from './credentialTest';

export const credentialTest = { whatsAppCloudApiTest, viangWarehouseConnectionTest };
