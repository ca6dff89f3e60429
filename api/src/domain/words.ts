// The words for the codes the API deals in (asset kinds, an asset's grade or status, alert severities, device
// types), in zh-CN and English, for files people read such as the analyst's CSV downloads. Machines get the
// codes (JSON, GeoJSON). The web app has the same words in its messages (web/src/i18n); words.test.ts
// keeps the two in step. Pure.

export type Locale = 'zh-CN' | 'en';

type Words = Readonly<Record<string, Readonly<Record<Locale, string>>>>;

export const ASSET_KIND_WORDS: Words = {
  building: { 'zh-CN': '房屋', en: 'Building' },
  construction_site: { 'zh-CN': '在建工地', en: 'Construction site' },
  slope: { 'zh-CN': '边坡', en: 'Slope' },
  street_lamp: { 'zh-CN': '路灯', en: 'Street lamp' },
  waterlogging_point: { 'zh-CN': '内涝积水点', en: 'Waterlogging point' },
  gas_pipeline: { 'zh-CN': '燃气管线', en: 'Gas pipeline' },
};

/** Per asset kind: a building's safety grade, a slope's risk, a lamp's status, a site's stage, a pipe's pressure. */
export const GRADE_WORDS: Readonly<Record<string, Words>> = {
  building: {
    a: { 'zh-CN': 'A级', en: 'Grade A' },
    b: { 'zh-CN': 'B级', en: 'Grade B' },
    c: { 'zh-CN': 'C级', en: 'Grade C' },
    d: { 'zh-CN': 'D级', en: 'Grade D' },
  },
  slope: {
    high: { 'zh-CN': '高风险', en: 'High risk' },
    medium: { 'zh-CN': '中风险', en: 'Medium risk' },
    low: { 'zh-CN': '低风险', en: 'Low risk' },
  },
  street_lamp: {
    on: { 'zh-CN': '亮灯', en: 'On' },
    off: { 'zh-CN': '熄灯', en: 'Off' },
    fault: { 'zh-CN': '故障', en: 'Fault' },
  },
  construction_site: {
    earthwork: { 'zh-CN': '土方', en: 'Earthwork' },
    foundation: { 'zh-CN': '基础', en: 'Foundation' },
    main_structure: { 'zh-CN': '主体结构', en: 'Main structure' },
    finishing: { 'zh-CN': '装饰装修', en: 'Finishing' },
  },
  gas_pipeline: {
    low: { 'zh-CN': '低压', en: 'Low pressure' },
    medium: { 'zh-CN': '中压', en: 'Medium pressure' },
    sub_high: { 'zh-CN': '次高压', en: 'Sub-high pressure' },
    high: { 'zh-CN': '高压', en: 'High pressure' },
  },
};

export const SEVERITY_WORDS: Words = {
  blue: { 'zh-CN': '蓝色', en: 'Blue' },
  yellow: { 'zh-CN': '黄色', en: 'Yellow' },
  orange: { 'zh-CN': '橙色', en: 'Orange' },
  red: { 'zh-CN': '红色', en: 'Red' },
};

export const DEVICE_TYPE_WORDS: Words = {
  camera: { 'zh-CN': '视频监控', en: 'Camera' },
  crane_monitor: { 'zh-CN': '塔吊黑匣子', en: 'Tower-crane black box' },
  dust_monitor: { 'zh-CN': '扬尘监测仪', en: 'Dust monitor' },
  energy_meter: { 'zh-CN': '能耗监测电表', en: 'Energy meter' },
  lamp_controller: { 'zh-CN': '路灯集中控制器', en: 'Lamp circuit controller' },
  pit_monitor: { 'zh-CN': '基坑监测点', en: 'Deep-pit monitor' },
  slope_sensor: { 'zh-CN': '边坡监测站', en: 'Slope monitoring station' },
  water_gauge: { 'zh-CN': '积水监测仪', en: 'Water-level gauge' },
};

/** The word for a code (in either case); a code the vocabulary does not know is shown as it is. */
function wordFor(words: Words | undefined, code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  return words?.[code.toLowerCase()]?.[locale] ?? code;
}

export const assetKindWord = (kind: string | null, locale: Locale) => wordFor(ASSET_KIND_WORDS, kind, locale);

export const gradeWord = (kind: string, grade: string | null, locale: Locale) =>
  wordFor(GRADE_WORDS[kind.toLowerCase()], grade, locale);

export const severityWord = (severity: string | null, locale: Locale) =>
  wordFor(SEVERITY_WORDS, severity, locale);

export const deviceTypeWord = (type: string | null, locale: Locale) =>
  wordFor(DEVICE_TYPE_WORDS, type, locale);
