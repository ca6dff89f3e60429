// Hostile uploads: polyglot files (an accepted image or PDF signature followed by HTML, PHP, JavaScript, a zip
// directory or a shell script; other types dressed as images), sent raw and as multipart with path-traversal,
// NUL, over-long and spoofed file names, broken multipart framing, sizes around the limit, and citizen
// reports carrying such photos. A refused upload must leave no row and no file; an accepted one is stored
// by its hash and served with the type read from its bytes.
import { Rng } from '../../city/rng.ts';
import type { HostileContext, HttpInput, Sender } from './types.ts';

const enc = new TextEncoder();
const bytes = (...parts: (string | Uint8Array | number[])[]): Uint8Array => {
  const chunks = parts.map((p) =>
    typeof p === 'string' ? enc.encode(p) : p instanceof Uint8Array ? p : new Uint8Array(p),
  );
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

/** Signatures: the first four are kept by the server (images and PDF), the rest must be refused. */
const HEADS: Record<string, () => Uint8Array> = {
  jpeg: () => bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
  png: () =>
    bytes(
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13],
      'IHDR',
      [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0],
    ),
  webp: () => bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '),
  pdf: () => bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'),
  gif: () => bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0]),
  svg: () => bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)">'),
  html: () => bytes('<!doctype html><html><script>alert(document.cookie)</script>'),
  zip: () => bytes('PK', [3, 4, 20, 0, 0, 0]),
  elf: () => bytes([0x7f], 'ELF', [2, 1, 1, 0]),
  exe: () => bytes('MZ', [0x90, 0, 3, 0]),
  php: () => bytes('<?php system($_GET["c"]); ?>'),
  'jpeg truncated to 2 bytes': () => bytes([0xff, 0xd8]),
  'BOM then JPEG': () => bytes([0xef, 0xbb, 0xbf, 0xff, 0xd8, 0xff, 0xe0]),
  'space then PDF': () => bytes(' %PDF-1.4\n'),
  'RIFF but not WEBP': () => bytes('RIFF', [0x24, 0, 0, 0], 'AVI LIST'),
  'PNG with a broken signature': () => bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x00]),
};
export const KEPT = new Set(['jpeg', 'png', 'webp', 'pdf']);

const TAILS: Record<string, (rng: Rng) => Uint8Array> = {
  html: () =>
    bytes(
      '<html><body><script>fetch("/graphql",{method:"POST",credentials:"include"})</script></body></html>',
    ),
  php: () => bytes('<?php echo shell_exec($_REQUEST["cmd"]); __halt_compiler(); ?>'),
  javascript: () => bytes('/*', [0xff, 0xd9], '*/=1;alert(1)//'),
  'zip directory': () => bytes('PK', [1, 2, 20, 0], 'evil.php', 'PK', [5, 6, 0, 0, 0, 0, 1, 0, 1, 0]),
  shell: () => bytes('\n#!/bin/sh\nrm -rf / --no-preserve-root\n'),
  svg: () => bytes('<svg onload=alert(1)>'),
  'PDF JavaScript': () =>
    bytes('1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF'),
  'random bytes': (rng) => new Uint8Array(Array.from({ length: rng.int(1, 4096) }, () => rng.int(0, 255))),
  nothing: () => new Uint8Array(0),
};

const TRAVERSAL = [
  '../../../../../../tmp/hostile-escape.jpg',
  '..\\..\\..\\..\\windows\\win.ini',
  '/etc/passwd',
  'C:\\boot.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '....//....//....//etc/passwd',
  '..%c0%af..%c0%afetc%c0%afpasswd',
  'a.jpg\u0000.php',
  '\u0000',
  '.htaccess',
  '~/.ssh/authorized_keys',
  'CON',
  'aux.jpg',
  '\u202egpj.exe',
  '',
  ' ',
  '.',
  '..',
  `${'x'.repeat(10_000)}.jpg`,
  'photo.jpg;.php',
  'photo.php%00.jpg',
  'фото.jpg',
  '照片.jpg',
  'file:///etc/passwd',
  '$' + '{jndi:ldap://x/a}.jpg',
  "'; DROP TABLE attachments; --.jpg",
  '<img src=x onerror=alert(1)>.jpg',
  'a"b.jpg',
  'new\nline.jpg',
  '/proc/self/environ',
  '\\\\server\\share\\x.jpg',
  'attachments/../../x.jpg',
];

interface Part {
  headers: string[];
  body: Uint8Array;
}

function multipart(boundary: string, parts: Part[], close = true, eol = '\r\n'): Uint8Array {
  const chunks: (string | Uint8Array)[] = [];
  for (const p of parts) {
    chunks.push(`--${boundary}${eol}`, ...p.headers.map((h) => `${h}${eol}`), eol, p.body, eol);
  }
  if (close) chunks.push(`--${boundary}--${eol}`);
  return bytes(...chunks);
}

/** A Content-Disposition header value with a file name, quoted as a browser would (or not at all). */
function disposition(field: string, filename: string | null, style: 'quoted' | 'raw' | 'star'): string {
  if (filename === null) return `Content-Disposition: form-data; name="${field}"`;
  if (style === 'star')
    return `Content-Disposition: form-data; name="${field}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
  if (style === 'raw') return `Content-Disposition: form-data; name="${field}"; filename=${filename}`;
  return `Content-Disposition: form-data; name="${field}"; filename="${filename.replaceAll('"', '%22').replaceAll('\n', '%0A')}"`;
}

export function generateUploadInputs(ctx: HostileContext): HttpInput[] {
  const rng = new Rng(ctx.seed, 'hostile/uploads');
  const out: HttpInput[] = [];
  const add = (
    sub: string,
    label: string,
    path: string,
    body: Uint8Array | string,
    headers: Record<string, string>,
    files: Uint8Array[],
    as: Sender = 'duty_officer',
    method = 'POST',
  ) => out.push({ kind: 'http', family: 'uploads', sub, label, method, path, headers, body, as, files });
  // A unique stamp so each run's files are new (hashes differ between seeds, never within a run).
  const stamp = (n: number) => bytes(`\n<!-- hostile ${ctx.seed} ${n} -->\n`);
  let serial = 0;
  const polyglot = (head: string, tail: string) => bytes(HEADS[head]!(), stamp(serial++), TAILS[tail]!(rng));

  // Raw bodies.
  const rawTypes = [
    'image/jpeg',
    'image/png',
    'application/pdf',
    'application/octet-stream',
    'text/html',
    'image/svg+xml',
    'application/x-php',
    '',
    'image/jpeg; charset=utf-8',
    'IMAGE/JPEG',
  ];
  const heads = Object.keys(HEADS);
  const tails = Object.keys(TAILS);
  for (const head of heads) {
    for (const tail of ['html', 'php', 'random bytes']) {
      const file = polyglot(head, tail);
      const type = rng.pick(rawTypes);
      add(
        'polyglot',
        `${head} + ${tail} as ${type || 'no content type'}`,
        '/attachments',
        file,
        type ? { 'content-type': type } : {},
        [file],
      );
    }
  }
  while (out.length < 110) {
    const head = rng.pick(heads);
    const tail = rng.pick(tails);
    const file = polyglot(head, tail);
    const type = rng.pick(rawTypes);
    add(
      'polyglot',
      `${head} + ${tail} as ${type || 'no content type'}`,
      '/attachments',
      file,
      type ? { 'content-type': type } : {},
      [file],
    );
  }
  // Sizes around the limit (10 MiB by default).
  {
    const limit = 10 * 1024 * 1024;
    const over = bytes(HEADS.jpeg!(), stamp(serial++), new Uint8Array(limit));
    add('size', 'JPEG of 10 MiB + 1 KiB', '/attachments', over, { 'content-type': 'image/jpeg' }, [over]);
    const empty = new Uint8Array(0);
    add('size', 'empty body', '/attachments', empty, { 'content-type': 'image/jpeg' }, []);
    const one = bytes([0xff]);
    add('size', 'one byte', '/attachments', one, { 'content-type': 'image/jpeg' }, [one]);
  }
  // Refused before the bytes are read.
  for (const [label, type] of [
    ['JSON', 'application/json'],
    ['form', 'application/x-www-form-urlencoded'],
    ['text/plain', 'text/plain'],
  ]) {
    const file = polyglot('jpeg', 'html');
    add('content type', `${label} carrying a JPEG`, '/attachments', file, { 'content-type': type! }, [file]);
  }
  for (const [label, as] of [
    ['as an analyst', 'analyst'],
    ['without credentials', 'anonymous'],
    ['as an API client', 'api_client'],
  ] as const) {
    const file = polyglot('png', 'html');
    add('who', label, '/attachments', file, { 'content-type': 'image/png' }, [file], as);
  }

  // Multipart: traversal and odd file names, spoofed part types, broken framing.
  for (const name of TRAVERSAL) {
    const head = rng.pick([...KEPT, 'html', 'svg']);
    const file = polyglot(head, rng.pick(['html', 'php', 'shell']));
    const style = rng.pick(['quoted', 'quoted', 'star', 'raw'] as const);
    const b = `----hostile${rng.int(0, 1e9)}`;
    const body = multipart(b, [
      {
        headers: [
          disposition('file', name, style),
          `Content-Type: ${rng.pick(['image/jpeg', 'text/html', 'application/x-php', 'image/svg+xml'])}`,
        ],
        body: file,
      },
    ]);
    add(
      'traversal',
      `${head} named ${JSON.stringify(name.slice(0, 50))} (${style})`,
      '/attachments',
      body,
      { 'content-type': `multipart/form-data; boundary=${b}`, 'x-requested-with': 'fetch' },
      [file],
    );
  }
  const framing: [string, (b: string, file: Uint8Array) => Uint8Array, string?][] = [
    [
      'no closing boundary',
      (b, f) => multipart(b, [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }], false),
    ],
    [
      'LF line ends',
      (b, f) => multipart(b, [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }], true, '\n'),
    ],
    [
      'two file fields',
      (b, f) =>
        multipart(b, [
          { headers: [disposition('file', 'a.jpg', 'quoted')], body: f },
          { headers: [disposition('file', 'b.html', 'quoted')], body: bytes(HEADS.html!()) },
        ]),
    ],
    [
      'file field not a file',
      (b) => multipart(b, [{ headers: [disposition('file', null, 'quoted')], body: bytes('just text') }]),
    ],
    [
      'no file field',
      (b, f) => multipart(b, [{ headers: [disposition('photo', 'a.jpg', 'quoted')], body: f }]),
    ],
    [
      '200 file fields',
      (b, f) =>
        multipart(
          b,
          Array.from({ length: 200 }, (_, i) => ({
            headers: [disposition(`f${i}`, `${i}.jpg`, 'quoted')],
            body: f,
          })),
        ),
    ],
    [
      'nested multipart',
      (b, f) =>
        multipart(b, [
          {
            headers: [disposition('file', null, 'quoted'), 'Content-Type: multipart/mixed; boundary=inner'],
            body: multipart('inner', [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }]),
          },
        ]),
    ],
    [
      'header without a colon',
      (b, f) => multipart(b, [{ headers: ['Content-Disposition form-data name=file'], body: f }]),
    ],
    [
      '10,000 part headers',
      (b, f) =>
        multipart(b, [
          {
            headers: [
              disposition('file', 'a.jpg', 'quoted'),
              ...Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v`),
            ],
            body: f,
          },
        ]),
    ],
    [
      'boundary inside the file',
      (b, f) =>
        multipart(b, [
          { headers: [disposition('file', 'a.jpg', 'quoted')], body: bytes(f, `\r\n--${b}\r\n`, f) },
        ]),
    ],
    ['empty body', () => new Uint8Array(0)],
    ['garbage', () => bytes('--x\r\nbroken')],
    [
      'wrong boundary',
      (_b, f) => multipart('other', [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }]),
    ],
    [
      'boundary of 2,000 characters',
      (_b, f) =>
        multipart('b'.repeat(2000), [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }]),
      'b'.repeat(2000),
    ],
    [
      'no boundary parameter',
      (b, f) => multipart(b, [{ headers: [disposition('file', 'a.jpg', 'quoted')], body: f }]),
      '',
    ],
  ];
  for (const [label, make, boundary] of framing) {
    const file = polyglot('jpeg', rng.pick(['html', 'php']));
    const b = `hx${rng.int(0, 1e9)}`;
    const type = boundary === '' ? 'multipart/form-data' : `multipart/form-data; boundary=${boundary ?? b}`;
    add(
      'multipart',
      label,
      '/attachments',
      make(boundary || b, file),
      { 'content-type': type, 'x-requested-with': 'fetch' },
      [file],
    );
  }

  // Citizen reports (no sign-in) carrying polyglot photos and odd names; almost all refused for their fields.
  const asset = () => rng.pick(ctx.assets);
  const report = (
    label: string,
    fields: Record<string, string>,
    photo: Uint8Array | null,
    filename: string,
    sub = 'citizen report',
  ) => {
    const b = `rep${rng.int(0, 1e9)}`;
    const parts: Part[] = Object.entries(fields).map(([k, v]) => ({
      headers: [disposition(k, null, 'quoted')],
      body: bytes(v),
    }));
    if (photo)
      parts.push({
        headers: [disposition('photo', filename, 'quoted'), 'Content-Type: image/jpeg'],
        body: photo,
      });
    add(
      sub,
      label,
      '/public/reports',
      multipart(b, parts),
      { 'content-type': `multipart/form-data; boundary=${b}` },
      photo ? [photo] : [],
      'anonymous',
    );
  };
  const cat = () => rng.pick(ctx.categories);
  for (let i = 0; i < 40; i++) {
    const photo = polyglot(rng.pick([...KEPT, 'html', 'gif']), rng.pick(['html', 'php', 'random bytes']));
    const name = rng.pick(TRAVERSAL);
    const broken = rng.pick<[string, Record<string, string>]>([
      ['empty description', { assetCode: asset().code, categoryCode: cat(), description: '' }],
      ['unknown category', { assetCode: asset().code, categoryCode: 'ZZ9999', description: '路灯不亮' }],
      [
        'category with SQL',
        { assetCode: asset().code, categoryCode: "SJ0699' OR '1'='1", description: '路灯不亮' },
      ],
      [
        'unknown asset',
        {
          assetCode: `JZ-440304-${String(rng.int(900_000, 999_999))}`,
          categoryCode: cat(),
          description: '路灯不亮',
        },
      ],
      ['malformed asset code', { assetCode: '../../etc/passwd', categoryCode: cat(), description: 'x' }],
      [
        'description of 100 KB',
        { assetCode: asset().code, categoryCode: cat(), description: '坏'.repeat(100_000) },
      ],
      ['description of NUL', { assetCode: asset().code, categoryCode: cat(), description: '\u0000' }],
      [
        'phone of a script',
        { assetCode: asset().code, categoryCode: cat(), description: '', phone: '<script>alert(1)</script>' },
      ],
      [
        'phone of 1,000 digits',
        { assetCode: asset().code, categoryCode: cat(), description: 'x', phone: '1'.repeat(1000) },
      ],
      ['no fields', {}],
    ]);
    report(`${broken[0]} + photo named ${JSON.stringify(name.slice(0, 30))}`, broken[1], photo, name);
  }
  for (const [label, type, body] of [
    ['form-encoded', 'application/x-www-form-urlencoded', 'assetCode=JZ-440304-000001&description=x'],
    ['JSON', 'application/json', '{"assetCode": "JZ-440304-000001"}'],
    ['multipart without boundary', 'multipart/form-data', '--x\r\n'],
    ['broken multipart', 'multipart/form-data; boundary=b', '--b\r\nbroken'],
    ['text/plain', 'text/plain', 'hello'],
  ] as const) {
    add('citizen report', label, '/public/reports', body, { 'content-type': type }, [], 'anonymous');
  }
  {
    const big = bytes(HEADS.jpeg!(), stamp(serial++), new Uint8Array(10 * 1024 * 1024 + 70_000));
    report(
      'photo over the limit',
      { assetCode: asset().code, categoryCode: cat(), description: 'x' },
      big,
      'big.jpg',
      'size',
    );
  }

  // Fetching attachments by odd ids.
  for (const id of [
    'not-a-hash',
    'F'.repeat(64),
    'f'.repeat(63),
    'f'.repeat(65),
    '..%2F..%2Fpackage.json',
    '..%252F..%252Fpackage.json',
    `${'0'.repeat(62)}%00`,
    '%2e%2e',
    `${'a'.repeat(64)}.jpg`,
    `${'a'.repeat(64)}/..`,
    'x'.repeat(10_000),
    '%E0%A4%A',
  ]) {
    add(
      'fetch',
      `GET /attachments/${id.slice(0, 40)}`,
      `/attachments/${id}`,
      '',
      {},
      [],
      'duty_officer',
      'GET',
    );
  }
  return out;
}
