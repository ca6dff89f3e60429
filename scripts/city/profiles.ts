// How each real district is built up: its share of the city's buildings and its mix of block types.
// Figures are plausible synthetic choices inspired by Shenzhen's districts (urban villages and factories
// in Bao'an/Longgang/Guangming, CBD towers in Futian/Nanshan), not statistics.
export type Zone =
  | 'urban_village'
  | 'old_residential'
  | 'residential'
  | 'office'
  | 'commercial'
  | 'industrial'
  | 'public';

export interface DistrictProfile {
  /** Share of the city's buildings (normalised over all districts). */
  weight: number;
  zones: Partial<Record<Zone, number>>;
  /** Whether 80–118 floor office towers may appear (Futian, Nanshan). */
  supertalls: boolean;
  /** Road-grid orientation in degrees. */
  gridAngle: number;
  /** Short name used in synthetic road names. */
  roadStems: string[];
}

export const DISTRICT_PROFILES: Record<string, DistrictProfile> = {
  '440303': {
    weight: 0.06,
    zones: {
      urban_village: 0.3,
      old_residential: 0.2,
      residential: 0.25,
      office: 0.1,
      commercial: 0.1,
      public: 0.05,
    },
    supertalls: false,
    gridAngle: 8,
    roadStems: [
      '深南',
      '人民',
      '东门',
      '笋岗',
      '宝安南',
      '太宁',
      '布心',
      '翠竹',
      '爱国',
      '洪湖',
      '莲塘',
      '沿河',
    ],
  },
  '440304': {
    weight: 0.06,
    zones: {
      urban_village: 0.25,
      old_residential: 0.15,
      residential: 0.25,
      office: 0.2,
      commercial: 0.1,
      public: 0.05,
    },
    supertalls: true,
    gridAngle: 0,
    roadStems: [
      '深南',
      '滨河',
      '福华',
      '益田',
      '金田',
      '彩田',
      '新洲',
      '红荔',
      '莲花',
      '香蜜湖',
      '侨香',
      '福中',
    ],
  },
  '440305': {
    weight: 0.09,
    zones: {
      urban_village: 0.25,
      old_residential: 0.1,
      residential: 0.3,
      office: 0.2,
      commercial: 0.05,
      industrial: 0.05,
      public: 0.05,
    },
    supertalls: true,
    gridAngle: -12,
    roadStems: [
      '科苑',
      '南海',
      '沙河西',
      '后海',
      '学府',
      '留仙',
      '桃园',
      '南山',
      '工业',
      '望海',
      '高新',
      '白石',
    ],
  },
  '440306': {
    weight: 0.22,
    zones: {
      urban_village: 0.45,
      old_residential: 0.05,
      residential: 0.15,
      office: 0.03,
      commercial: 0.05,
      industrial: 0.25,
      public: 0.02,
    },
    supertalls: false,
    gridAngle: 35,
    roadStems: [
      '宝安',
      '新安',
      '西乡',
      '航城',
      '福永',
      '沙井',
      '松岗',
      '石岩',
      '107国道',
      '广深',
      '宝源',
      '创业',
    ],
  },
  '440307': {
    weight: 0.2,
    zones: {
      urban_village: 0.45,
      old_residential: 0.05,
      residential: 0.18,
      office: 0.02,
      commercial: 0.05,
      industrial: 0.23,
      public: 0.02,
    },
    supertalls: false,
    gridAngle: 20,
    roadStems: [
      '龙岗',
      '龙翔',
      '布吉',
      '坂田',
      '横岗',
      '平湖',
      '深惠',
      '吉华',
      '宝龙',
      '爱联',
      '南湾',
      '清林',
    ],
  },
  '440308': {
    weight: 0.02,
    zones: {
      urban_village: 0.3,
      old_residential: 0.15,
      residential: 0.3,
      commercial: 0.05,
      industrial: 0.15,
      public: 0.05,
    },
    supertalls: false,
    gridAngle: 30,
    roadStems: ['盐田', '沙头角', '梅沙', '北山', '海景', '盐梅'],
  },
  '440309': {
    weight: 0.13,
    zones: {
      urban_village: 0.45,
      old_residential: 0.05,
      residential: 0.2,
      office: 0.03,
      commercial: 0.05,
      industrial: 0.2,
      public: 0.02,
    },
    supertalls: false,
    gridAngle: -5,
    roadStems: ['龙华', '民治', '大浪', '观澜', '梅龙', '人民北', '布龙', '和平', '东环', '福龙'],
  },
  '440310': {
    weight: 0.06,
    zones: { urban_village: 0.45, residential: 0.15, commercial: 0.05, industrial: 0.3, public: 0.05 },
    supertalls: false,
    gridAngle: 15,
    roadStems: ['坪山', '坑梓', '金牛', '锦绣', '深汕', '丹梓', '龙田'],
  },
  '440311': {
    weight: 0.08,
    zones: { urban_village: 0.45, residential: 0.12, commercial: 0.05, industrial: 0.35, public: 0.03 },
    supertalls: false,
    gridAngle: -25,
    roadStems: ['光明', '公明', '华夏', '光侨', '东长', '松白', '观光', '玉塘'],
  },
  '440307DP': {
    weight: 0.03,
    zones: { urban_village: 0.6, residential: 0.15, commercial: 0.1, industrial: 0.1, public: 0.05 },
    supertalls: false,
    gridAngle: 40,
    roadStems: ['葵涌', '大鹏', '南澳', '金岭', '迎宾', '坝光'],
  },
};

export function profileOf(districtCode: string): DistrictProfile {
  const profile = DISTRICT_PROFILES[districtCode];
  if (!profile) throw new Error(`no district profile for ${districtCode}`);
  return profile;
}
