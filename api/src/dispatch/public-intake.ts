// Reports from people who are not signed in: the citizen page (/r/<code>) and Open311 clients. The photo is
// checked and stored first, then the case is filed as reported, to be accepted by a duty officer.
import type pg from 'pg';
import type { RequestOrigin } from '../access/principal.ts';
import type { CaseConfig } from '../config.ts';
import { storeAttachment } from './attachment-store.ts';
import { type CaseResult, createCase } from './case.service.ts';

export interface PublicReport {
  categoryCode: string | null;
  description: string;
  assetCode: string | null;
  location: { lon: number; lat: number } | null;
  address: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  photo: Uint8Array | null;
}

export async function filePublicReport(
  pool: pg.Pool,
  config: CaseConfig,
  origin: RequestOrigin,
  source: 'citizen' | 'open311',
  report: PublicReport,
): Promise<CaseResult> {
  const name = source === 'citizen' ? 'citizen' : 'open311';
  const audit = { kind: 'public', id: null, name, origin } as const;
  const attachments = report.photo ? [(await storeAttachment(pool, config, report.photo, name)).hash] : [];
  return createCase(
    pool,
    config,
    { audit, role: 'public', unitCode: null, scope: null },
    {
      source,
      categoryCode: report.categoryCode,
      urgency: null,
      description: report.description,
      address: report.address,
      location: report.location,
      assetCode: report.assetCode,
      alertId: null,
      reporterName: report.reporterName,
      reporterPhone: report.reporterPhone,
      attachments,
    },
  );
}
