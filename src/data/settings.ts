import { buildSettings } from '../lib/build-settings';

/** Settings for this build or dev server, read once. */
export const settings = buildSettings(process.env, { dev: import.meta.env?.DEV === true });
