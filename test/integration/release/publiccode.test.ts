/**
 * publiccode.yml against the publiccode.yml standard, version 0.7 (the keys, presences, vocabularies
 * and lengths of its "The Standard" chapter and controlled lists, publiccodeyml/publiccode.yml on
 * GitHub). No validator of the standard is published on npm (the official one is a Go program), so
 * the rules the file must meet are written here as a strict schema: an unknown or deprecated key fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import * as z from 'zod';

const ROOT = resolve(__dirname, '../../..');

const CATEGORIES = [
  'accounting',
  'agile-project-management',
  'applicant-tracking',
  'application-development',
  'appointment-scheduling',
  'backup',
  'billing-and-invoicing',
  'blog',
  'budgeting',
  'business-intelligence',
  'business-process-management',
  'cad',
  'call-center-management',
  'cloud-management',
  'collaboration',
  'communications',
  'compliance-management',
  'contact-management',
  'content-management',
  'crm',
  'customer-service-and-support',
  'data-analytics',
  'data-collection',
  'data-visualization',
  'design',
  'design-system',
  'digital-asset-management',
  'digital-citizenship',
  'document-management',
  'donor-management',
  'e-commerce',
  'e-signature',
  'educational-content',
  'email-management',
  'email-marketing',
  'employee-management',
  'enterprise-project-management',
  'enterprise-social-networking',
  'erp',
  'event-management',
  'facility-management',
  'feedback-and-reviews-management',
  'financial-reporting',
  'fleet-management',
  'fundraising',
  'gamification',
  'geographic-information-systems',
  'grant-management',
  'graphic-design',
  'help-desk',
  'hr',
  'ide',
  'identity-management',
  'instant-messaging',
  'integrated-library-system',
  'inventory-management',
  'it-asset-management',
  'it-development',
  'it-management',
  'it-security',
  'it-service-management',
  'knowledge-management',
  'learning-management-system',
  'marketing',
  'mind-mapping',
  'mobile-marketing',
  'mobile-payment',
  'network-management',
  'office',
  'online-booking',
  'online-community',
  'payment-gateway',
  'payroll',
  'predictive-analysis',
  'procurement',
  'productivity-suite',
  'project-collaboration',
  'project-management',
  'property-management',
  'real-estate-management',
  'regulations-and-directives',
  'remote-support',
  'resource-management',
  'sales-management',
  'seo',
  'service-desk',
  'social-media-management',
  'survey',
  'talent-management',
  'task-management',
  'taxes-management',
  'test-management',
  'time-management',
  'time-tracking',
  'translation',
  'video-conferencing',
  'video-editing',
  'visitor-management',
  'voip',
  'warehouse-management',
  'web-collaboration',
  'web-conferencing',
  'website-builder',
  'whistleblowing',
  'workflow-management',
  'other',
] as const;

const SCOPES = [
  'agriculture',
  'culture',
  'defence',
  'education',
  'emergency-services',
  'employment',
  'energy',
  'environment',
  'finance-and-economic-development',
  'foreign-affairs',
  'government',
  'healthcare',
  'infrastructures',
  'justice',
  'local-authorities',
  'manufacturing',
  'research',
  'science-and-technology',
  'security',
  'society',
  'sport',
  'tourism',
  'transportation',
  'welfare',
] as const;

const ALIASES = ['gdpr', 'eidas', 'nis2', 'cra', 'spid', 'cie', 'anpr', 'pagopa', 'io'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const country = z.string().regex(/^[A-Z]{2}$/);
const dependency = z.strictObject({
  name: z.string().min(1),
  versionMin: z.string().optional(),
  versionMax: z.string().optional(),
  version: z.string().optional(),
  optional: z.boolean().optional(),
});
const contact = z.strictObject({
  name: z.string().min(1),
  email: z.email().optional(),
  phone: z.string().optional(),
  affiliation: z.string().optional(),
});
const description = z.strictObject({
  localisedName: z.string().optional(),
  shortDescription: z.string().min(1).max(150),
  longDescription: z.string().min(150).max(10_000),
  documentation: z.url().optional(),
  apiDocumentation: z.url().optional(),
  features: z.array(z.string().min(1)).min(1),
  screenshots: z.array(z.string()).optional(),
  videos: z.array(z.url()).optional(),
  awards: z.array(z.string()).optional(),
});

const publiccode = z.strictObject({
  publiccodeYmlVersion: z.string().regex(/^0(\.\d+)?$/),
  name: z.string().min(1),
  applicationSuite: z.string().optional(),
  url: z.url(),
  landingURL: z.url().optional(),
  isBasedOn: z.union([z.url(), z.array(z.url())]).optional(),
  softwareVersion: z.string().optional(),
  releaseDate: isoDate.optional(),
  logo: z.string().optional(),
  platforms: z.union([z.string(), z.array(z.string()).min(1)]),
  categories: z.array(z.enum(CATEGORIES)).optional(),
  usedBy: z.array(z.string()).optional(),
  roadmap: z.url().optional(),
  developmentStatus: z.enum(['concept', 'development', 'beta', 'stable', 'obsolete']),
  softwareType: z.enum([
    'standalone/mobile',
    'standalone/iot',
    'standalone/desktop',
    'standalone/web',
    'standalone/backend',
    'standalone/other',
    'addon',
    'library',
    'configurationFiles',
  ]),
  supports: z
    .array(
      z.strictObject({
        id: z.union([z.enum(ALIASES.map((a) => `alias:${a}` as const)), z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i)]),
      }),
    )
    .optional(),
  organisation: z
    .strictObject({ uri: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i), name: z.string().optional() })
    .optional(),
  intendedAudience: z
    .strictObject({
      countries: z.array(country).optional(),
      unsupportedCountries: z.array(country).optional(),
      scope: z.array(z.enum(SCOPES)).optional(),
    })
    .optional(),
  description: z.record(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/), description),
  legal: z.strictObject({ license: z.string().min(1), mainCopyrightOwner: z.string().optional() }),
  maintenance: z.strictObject({
    type: z.enum(['internal', 'contract', 'community', 'none']),
    contractors: z.array(z.object({ name: z.string().min(1), until: isoDate })).optional(),
    contacts: z.array(contact).optional(),
  }),
  localisation: z.strictObject({ localisationReady: z.boolean(), availableLanguages: z.array(z.string()).min(1) }),
  dependsOn: z
    .strictObject({
      open: z.array(dependency).optional(),
      proprietary: z.array(dependency).optional(),
      hardware: z.array(dependency).optional(),
    })
    .optional(),
});

type Publiccode = z.infer<typeof publiccode>;

function load(): Publiccode {
  return publiccode.parse(parse(readFileSync(resolve(ROOT, 'publiccode.yml'), 'utf8')));
}

describe('publiccode.yml', () => {
  test('meets the standard: every key known and not deprecated, vocabularies and lengths respected', () => {
    expect(() => load()).not.toThrow();
  });

  test('maintenance by the consortium names its contacts, as the standard requires for internal maintenance', () => {
    const file = load();
    expect(file.maintenance.type).toBe('internal');
    expect(file.maintenance.contacts?.length).toBeGreaterThan(0);
    expect(file.maintenance.contractors).toBeUndefined();
  });

  test('is described in Italian for the comuni, and depends on Google Workspace and Apps Script', () => {
    const file = load();
    expect(Object.keys(file.description)).toEqual(['it']);
    expect(file.description.it?.longDescription).toMatch(/comuni/);
    expect(file.localisation.availableLanguages).toEqual(['it']);
    expect(file.dependsOn?.proprietary?.map((d) => d.name).join(' ')).toMatch(/Google Workspace.*Google Apps Script/);
    expect(file.intendedAudience?.countries).toEqual(['IT']);
  });

  test('declares the licence that LICENSE holds and package.json names', () => {
    const file = load();
    const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { license: string };
    const licence = readFileSync(resolve(ROOT, 'LICENSE'), 'utf8');
    expect(file.legal.license).toBe('EUPL-1.2');
    expect(pkg.license).toBe('EUPL-1.2');
    expect(licence.split('\n')[0]).toBe('EUROPEAN UNION PUBLIC LICENCE v. 1.2');
  });

  test('refuses what the standard refuses (the schema is not vacuous)', () => {
    const file = load();
    const bad = [
      { ...file, developmentStatus: 'finished' },
      { ...file, categories: ['training'] },
      { ...file, description: { it: { ...file.description.it, shortDescription: 'x'.repeat(151) } } },
      { ...file, it: { countryExtensionVersion: '1.0' } },
      { ...file, maintenance: { type: 'internal', contacts: [{ email: 'a@b.it' }] } },
    ];
    for (const candidate of bad) expect(publiccode.safeParse(candidate).success).toBe(false);
  });
});
