import { viangWarehouseConnectionTest } from '../../shared/warehouse';
import { mercadoLivreAppApiTest } from './credentialTest';

export const credentialTest = { mercadoLivreAppApiTest, viangWarehouseConnectionTest };
