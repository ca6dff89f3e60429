import { describe, expect, it } from 'vitest';
import { sniffMime } from './attachment-store.ts';

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('sniffMime reads the type from the bytes, never from the name', () => {
  it.each([
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    ['PNG', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['WebP', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '), 'image/webp'],
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['a Windows program', bytes('MZ', [0x90, 0]), null],
    ['HTML', bytes('<html><script>'), null],
    ['SVG (scripts inside)', bytes('<svg xmlns="http://www.w3.org/2000/svg">'), null],
    ['a truncated PNG signature', bytes([0x89], 'PN'), null],
    ['RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '), null],
    ['nothing', bytes(), null],
  ] as const)('%s', (_label, input, expected) => {
    expect(sniffMime(input)).toBe(expected);
  });
});
