/**
 * What the documents say, as literal data with its source page: the expected values of the checks. Kept apart from
 * schemas/ and simulator/ (which never import specs/, eslint.config.mjs) and from fixtures/ (which build the
 * requests and the configuration), so nothing the simulator serves or the run is configured with can agree with a
 * check by construction.
 */
export * from './base-urls';
export * from './error-catalog';
export * from './examples';
export { PAGES as DOCUMENTED_PAGES } from './pages';
