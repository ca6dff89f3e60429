// Analyst workbench text (panel side): zh-CN first. Every key starts with `ap`.
export const ANALYST_PANEL_MESSAGES = {
  'zh-CN': {
    apTitle: '区域统计',
  },
  en: {
    apTitle: 'Area figures',
  },
} as const;
