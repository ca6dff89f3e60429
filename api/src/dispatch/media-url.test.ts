import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error.ts';
import { checkMediaUrl, MEDIA_URL_MAX_LENGTH } from './media-url.ts';

const refusal = (value: string) => {
  try {
    checkMediaUrl(value);
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return 'accepted';
};

describe('media_url', () => {
  it('keeps absolute http(s) URLs, normalised; nothing given is null', () => {
    expect(checkMediaUrl('https://img.example.org/r/1.jpg')).toBe('https://img.example.org/r/1.jpg');
    expect(checkMediaUrl('  HTTP://Example.org/a%20b ')).toBe('http://example.org/a%20b');
    expect(checkMediaUrl('http://farm3.static.flickr.com/2002/2212426634_5ed477a060.jpg')).toMatch(/^http:/);
    expect(checkMediaUrl('https://图片.example.cn/照片.jpg')).toMatch(
      /^https:\/\/xn--[a-z0-9]+\.example\.cn\/%E7%85%A7%E7%89%87\.jpg$/,
    );
    expect(checkMediaUrl(null)).toBeNull();
    expect(checkMediaUrl(undefined)).toBeNull();
    expect(checkMediaUrl('   ')).toBeNull();
  });

  it.each([
    ['javascript:alert(1)', 'INVALID_INPUT'],
    ['data:image/png;base64,AAAA', 'INVALID_INPUT'],
    ['file:///etc/passwd', 'INVALID_INPUT'],
    ['ftp://example.org/x.jpg', 'INVALID_INPUT'],
    ['/attachments/abc', 'INVALID_INPUT'],
    ['example.org/x.jpg', 'INVALID_INPUT'],
    ['https://user:secret@example.org/x.jpg', 'INVALID_INPUT'],
    ['https://example.org/a b.jpg', 'INVALID_INPUT'],
    ['https://example.org/\u0000.jpg', 'INVALID_INPUT'],
    ['https://example.org/\n.jpg', 'INVALID_INPUT'],
    [`https://example.org/${'a'.repeat(MEDIA_URL_MAX_LENGTH)}`, 'LIMIT_EXCEEDED'],
  ])('refuses %s', (value, code) => {
    expect(refusal(value)).toBe(code);
  });
});
