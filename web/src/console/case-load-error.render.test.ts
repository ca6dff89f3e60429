// Server-renders the case panel's notice for a case that cannot be shown (no browser needed).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../data/http.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { CaseLoadError } from './CaseLoadError.tsx';

const render = (error: Error, saved: string | null = null) => {
  vi.stubGlobal('window', {
    location: { search: '' },
    localStorage: { getItem: () => saved, setItem: () => undefined },
  });
  const noop = () => undefined;
  return renderToStaticMarkup(
    createElement(I18nProvider, null, createElement(CaseLoadError, { error, onRetry: noop, onClose: noop })),
  );
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the case panel when the case cannot be shown', () => {
  it('says in Chinese that another unit’s case is out of view, with the way back', () => {
    const html = render(new ApiError('NOT_FOUND', 'case 12 does not exist or is not visible to you'));
    expect(html).toContain('data-problem="NOT_FOUND"');
    expect(html).toContain('role="alert"');
    expect(html).toContain('不在您的查看范围内');
    expect(html).toContain('返回案件列表');
    expect(html).not.toContain('is not visible to you'); // no server English
    expect(html).not.toContain('重试');
  });

  it('says a refusal is about permission', () => {
    expect(render(new ApiError('FORBIDDEN', 'cases:read'))).toContain('没有查看案件详情的权限');
  });

  it('offers a retry for a failure, with the technical detail', () => {
    const html = render(new ApiError('NETWORK', 'fetch failed'));
    expect(html).toContain('暂时无法加载该案件');
    expect(html).toContain('重试');
    expect(html).toContain('fetch failed');
  });

  it('speaks English when the viewer chose it', () => {
    const html = render(new ApiError('NOT_FOUND', 'x'), 'en');
    expect(html).toContain('Cannot show this case');
    expect(html).toContain('another unit’s or another area’s');
  });
});
