import type { Workspace } from '../../runtime/workspace';
import { cacheService } from './cache';
import { contentService } from './content';
import { htmlService } from './html';
import { lockService } from './lock';
import { consoleFacade, logger } from './logger';
import { propertiesService } from './properties';
import { scriptApp } from './script-app';
import { session } from './session';
import { utilities } from './utilities';

/**
 * The emulated ScriptApp, LockService, PropertiesService, CacheService, Utilities, Session, HtmlService,
 * ContentService, Logger and console, one module each. Each script-facing method goes through `ws.call`
 * under its service name; builders and handles already in hand (a TriggerBuilder, an HtmlOutput, a
 * Trigger's accessors) are local objects, as on Google, and are not counted.
 */

export { webAppUrl } from './common';
export { holdScriptLock } from './lock';
export { logLines } from './logger';
export { snapshotTriggers } from './script-app';

export interface ScriptGlobals {
  ScriptApp: GoogleAppsScript.Script.ScriptApp;
  LockService: GoogleAppsScript.Lock.LockService;
  PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  CacheService: GoogleAppsScript.Cache.CacheService;
  Utilities: GoogleAppsScript.Utilities.Utilities;
  Session: GoogleAppsScript.Base.Session;
  HtmlService: GoogleAppsScript.HTML.HtmlService;
  ContentService: GoogleAppsScript.Content.ContentService;
  Logger: GoogleAppsScript.Base.Logger;
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
}

export function scriptGlobals(ws: Workspace): ScriptGlobals {
  const globals = {
    ScriptApp: scriptApp(ws),
    LockService: lockService(ws),
    PropertiesService: propertiesService(ws),
    CacheService: cacheService(ws),
    Utilities: utilities(ws),
    Session: session(ws),
    HtmlService: htmlService(ws),
    ContentService: contentService(ws),
    Logger: logger(ws),
    console: consoleFacade(ws),
  };
  return globals as unknown as ScriptGlobals;
}
