/**
 * The add-on's entry points: everything exported here becomes a top-level function of dist/Code.js
 * (menu items, triggers and the server functions the sidebar calls); nothing else is top-level.
 */
export { onOpen, onInstall } from './menu';
