export * from './tabs';
export * from './schemas';
export * from './codec';
export * from './ids';
export * from './settings';
export * from './checks';
export { neutralizeText } from '../text';
export * from './errors';
