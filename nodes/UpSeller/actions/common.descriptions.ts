import type { INodeProperties } from 'n8n-workflow';
import { viangClientIdProperty } from '../../shared/descriptions';

export { returnAllOrLimit } from '../../shared/descriptions';

export const clientIdProperty: INodeProperties = viangClientIdProperty('UpSeller');

