/** Moved to the content-files module; kept until every caller imports it from there. */
export { listFiles } from './content-files/walk';
