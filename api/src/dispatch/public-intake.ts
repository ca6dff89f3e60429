// Reports from people who are not signed in: the citizen page (/r/<code>) and Open311 clients. The case is
// filed as reported, to be accepted by a duty officer, with its photo stored in the same transaction. A report
// with an address but neither coordinates nor an asset code is placed on the asset the address names.
import type { RequestOrigin } from '../access/principal.ts';
import { placeAddress } from './address-lookup.ts';
import { type CaseDeps, type CaseResult, createCase } from './case.service.ts';

export interface PublicReport {
  categoryCode: string | null;
  description: string;
  assetCode: string | null;
  location: { lon: number; lat: number } | null;
  address: string | null;
  reporterName: string | null;
  reporterPhone: string | null;
  photo: Uint8Array | null;
  /** A link to media the reporter sent (Open311 media_url). */
  mediaUrl?: string | null;
}

export async function filePublicReport(
  deps: CaseDeps,
  origin: RequestOrigin,
  source: 'citizen' | 'open311',
  report: PublicReport,
): Promise<CaseResult> {
  const name = source === 'citizen' ? 'citizen' : 'open311';
  const audit = { kind: 'public', id: null, name, origin } as const;
  const byAddress = report.assetCode === null && report.location === null && report.address?.trim();
  const assetCode = byAddress ? (await placeAddress(deps.pool, report.address!)).code : report.assetCode;
  return createCase(
    deps,
    { audit, role: 'public', unitCode: null, scope: null },
    {
      source,
      categoryCode: report.categoryCode,
      urgency: null,
      description: report.description,
      address: report.address,
      location: report.location,
      assetCode,
      alertId: null,
      reporterName: report.reporterName,
      reporterPhone: report.reporterPhone,
      attachments: [],
      receivedFiles: report.photo ? [report.photo] : [],
      mediaUrl: report.mediaUrl ?? null,
    },
  );
}
