// Rows as GeoReport v2 documents, every field the spec lists, in its order (null where we have nothing).
import type { CategoryRow } from '../../store/case-categories.repo.ts';
import type { RequestListRow } from '../../store/public.repo.ts';

export const SERVICE_NOTICE = '已受理登记，请凭编号查询进度';

export function toService(r: CategoryRow) {
  return {
    service_code: r.code,
    service_name: r.name_zh,
    description: `${r.name_zh} (${r.name_en})`,
    metadata: false,
    type: 'realtime',
    keywords: r.name_en.toLowerCase(),
    group: r.kind === 'component' ? '部件 component' : '事件 event',
  };
}

/** Our services ask for nothing beyond the standard fields (metadata is false), so no attributes. */
export function toServiceDefinition(r: CategoryRow) {
  return { service_code: r.code, attributes: [] as never[] };
}

export function toRequest(r: RequestListRow) {
  const closed = r.state === 'closed' || r.state === 'rejected';
  return {
    service_request_id: r.tracking_no,
    status: closed ? 'closed' : 'open',
    status_notes: r.status_notes,
    service_name: r.name_zh,
    service_code: r.category_code,
    description: r.description,
    agency_responsible: r.unit_name,
    service_notice: null,
    requested_datetime: r.created_at.toISOString(),
    updated_datetime: r.updated_at.toISOString(),
    expected_datetime: r.stage_due_at?.toISOString() ?? null,
    address: r.address,
    address_id: r.asset_code,
    zipcode: null,
    lat: r.lat,
    long: r.lon,
    media_url: r.media_url,
  };
}

export function toFiledRequest(trackingNo: string) {
  return { service_request_id: trackingNo, service_notice: SERVICE_NOTICE, account_id: null };
}
