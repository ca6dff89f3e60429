// Which page a path shows (no router library): the public citizen pages, the duty console, the analyst
// workbench, else the big screen.

export type Route =
  | { page: 'screen' }
  | { page: 'console'; caseId: string | null }
  | { page: 'analyst' }
  | { page: 'report'; code: string }
  | { page: 'status'; trackingNo: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'r' && parts.length === 2) return { page: 'report', code: parts[1]! };
  if (parts[0] === 't' && parts.length === 2) return { page: 'status', trackingNo: parts[1]! };
  if (parts[0] === 'analyst' && parts.length === 1) return { page: 'analyst' };
  if (parts[0] === 'console') {
    return { page: 'console', caseId: parts[1] === 'case' && parts[2] ? parts[2] : null };
  }
  return { page: 'screen' };
}

export const casePath = (caseId: string | null) =>
  caseId ? `/console/case/${encodeURIComponent(caseId)}` : '/console';
