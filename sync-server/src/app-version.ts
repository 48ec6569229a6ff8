import packageJson from '../../package.json' with { type: 'json' };

/** The release this server belongs to, reported by `/healthz` so operators can tell what is deployed. */
export const APP_VERSION: string = packageJson.version;
