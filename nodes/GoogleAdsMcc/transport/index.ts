// How the node reaches Google Ads and the warehouse: the MCC from the `googleAdsMccApi` credential,
// link states and history in the Viang warehouse (`viangWarehouseApi`). The access token is cached
// by the domain for the whole n8n process, so executions do not refresh it every time.
import { NodeOperationError, type ICredentialDataDecryptedObject, type IExecuteFunctions } from 'n8n-workflow';
import {
	GoogleAdsClient,
	GoogleAdsLinkService,
	GoogleAdsLinksRepository,
	validateGoogleAdsConfig,
	type GoogleAdsConfig,
} from '../../../domain/googleads';
import { withWarehouse } from '../../shared/warehouse';

export function configFromCredentials(credentials: ICredentialDataDecryptedObject): GoogleAdsConfig {
	return validateGoogleAdsConfig({
		developerToken: credentials.developerToken,
		clientId: credentials.clientId,
		clientSecret: credentials.clientSecret,
		refreshToken: credentials.refreshToken,
		managerCustomerId: credentials.managerCustomerId,
		apiVersion: credentials.apiVersion,
		apiUrl: credentials.apiUrl,
		tokenUrl: credentials.tokenUrl,
	});
}

/** Runs `work` with a link service acting as 'n8n'. */
export async function withLinkService<T>(
	ctx: IExecuteFunctions,
	work: (service: GoogleAdsLinkService) => Promise<T>,
): Promise<T> {
	let config: GoogleAdsConfig;
	try {
		config = configFromCredentials(await ctx.getCredentials('googleAdsMccApi'));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error instanceof Error ? error.message : String(error));
	}
	return withWarehouse(ctx, (warehouse) =>
		work(
			new GoogleAdsLinkService({
				api: new GoogleAdsClient(config),
				links: new GoogleAdsLinksRepository(warehouse.transport),
				clients: warehouse.clients,
				actor: 'n8n',
			}),
		),
	);
}
