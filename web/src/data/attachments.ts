// Photos for case steps: POST /attachments with the file itself as the body (its own content type).
import { answer, request } from './http.ts';

export interface Uploaded {
  id: string;
  url: string;
}

export async function uploadAttachment(file: File): Promise<Uploaded> {
  const response = await request('/attachments', {
    method: 'POST',
    headers: { 'content-type': file.type || 'application/octet-stream' },
    body: file,
  });
  return answer<Uploaded>(response);
}
