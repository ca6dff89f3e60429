// The citizen surfaces (no sign-in): the plate lookup, the categories, filing a report and following it.
import { answer, getJson, request } from './http.ts';

export interface PublicAsset {
  code: string;
  kind: string;
  name: string;
  district: string;
  street: string | null;
  floors?: number;
  synthetic: boolean;
  note?: string;
}

export interface PublicCategory {
  code: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  /** The asset kinds the category is about. */
  assetKinds: string[];
}

export interface PublicReportStatus {
  trackingNo: string;
  state: string;
  category: { code: string; nameZh: string; nameEn: string };
  description: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  events: { at: string; action: string; state: string }[];
  note?: string;
}

const get = <T>(path: string, signal?: AbortSignal) =>
  getJson<T>(path, { cache: 'no-store', ...(signal ? { signal } : {}) });

export const fetchPublicAsset = (code: string, signal?: AbortSignal) =>
  get<PublicAsset>(`/public/assets/${encodeURIComponent(code)}`, signal);

/** The categories a citizen may report about an asset of this kind (the server keeps which fit which). */
export const fetchPublicCategories = (assetKind: string, signal?: AbortSignal) =>
  get<PublicCategory[]>(`/public/categories?assetKind=${encodeURIComponent(assetKind)}`, signal);

export const fetchReportStatus = (trackingNo: string, signal?: AbortSignal) =>
  get<PublicReportStatus>(`/public/reports/${encodeURIComponent(trackingNo)}`, signal);

export interface NewReport {
  assetCode: string;
  categoryCode: string;
  description: string;
  phone: string;
  photo: File | null;
}

export async function submitReport(report: NewReport): Promise<{ trackingNo: string; statusUrl: string }> {
  const form = new FormData();
  form.set('assetCode', report.assetCode);
  form.set('categoryCode', report.categoryCode);
  form.set('description', report.description);
  if (report.phone.trim()) form.set('phone', report.phone.trim());
  if (report.photo) form.set('photo', report.photo);
  return answer(await request('/public/reports', { method: 'POST', body: form }));
}

/**
 * The media_url the reporter sent with the report: the public Open311 record of it holds the link (reports
 * by other channels are not there, and have none). Only an http(s) link is given.
 */
export async function fetchMediaUrl(trackingNo: string, signal: AbortSignal): Promise<URL | null> {
  const res = await request(`/open311/v2/requests/${encodeURIComponent(trackingNo)}.json`, {
    cache: 'no-store',
    signal,
  });
  if (!res.ok) return null;
  const body: unknown = await res.json().catch(() => null);
  const link = Array.isArray(body) ? (body[0] as { media_url?: unknown } | undefined)?.media_url : null;
  if (typeof link !== 'string') return null;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
