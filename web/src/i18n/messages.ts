// UI text: zh-CN first, English second. Every key exists in both.
export const MESSAGES = {
  'zh-CN': {
    title: '城市运行一张图',
    subtitle: '住房和建设 · 一网统管',
    synthetic: '演示数据：城市为合成数据，位于真实深圳行政区边界内',
    syntheticShort: '合成数据',
    loadingDistricts: '正在加载行政区…',
    loadFailed: '加载行政区失败：',
    districts: '行政区',
    buildings: '栋房屋',
    switchLanguage: 'English',
    attribution: '区界 © TransBigData (BSD-3) · 陆地 © OpenStreetMap 贡献者 (ODbL)',
  },
  en: {
    title: 'City One Map',
    subtitle: 'Housing & Construction · Unified Supervision',
    synthetic: 'Demo data: the city is synthetic, inside real Shenzhen district boundaries',
    syntheticShort: 'Synthetic data',
    loadingDistricts: 'Loading districts…',
    loadFailed: 'Could not load districts: ',
    districts: 'Districts',
    buildings: 'buildings',
    switchLanguage: '中文',
    attribution: 'Districts © TransBigData (BSD-3) · Land © OpenStreetMap contributors (ODbL)',
  },
} as const;

export type Locale = keyof typeof MESSAGES;
export type MessageKey = keyof (typeof MESSAGES)['zh-CN'];
