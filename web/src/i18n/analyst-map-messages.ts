// Analyst workbench text (map side): zh-CN first. Every key starts with `am`.
export const ANALYST_MAP_MESSAGES = {
  'zh-CN': {
    amTitle: '分析工作台',
  },
  en: {
    amTitle: 'Analyst workbench',
  },
} as const;
