import { describe, expect, it } from 'vitest';
import { type AddressCandidate, addressForms, addressTails, matchAddress } from './address-match.ts';

const place = (code: string, name: string, district: string, street: string, community: string) =>
  ({ code, name, city: '深圳市', district, street, community }) satisfies AddressCandidate;

const FUTIAN = place('JZ-440304-000001', '光湾花园3栋', '福田区', '梅林街道', '梅丰社区');
const FUTIAN_2 = place('JZ-440304-000002', '光湾花园3栋', '福田区', '园岭街道', '百花社区');
const LUOHU = place('JZ-440303-000003', '光湾花园3栋', '罗湖区', '东湖街道', '大望社区');
const NANSHAN = place('JZ-440305-000004', '富府新村7巷6号', '南山区', '南山街道', '南山社区');
const ALL = [FUTIAN, FUTIAN_2, LUOHU, NANSHAN];

const codes = (address: string) => matchAddress(addressForms(address), ALL).map((p) => p.code);

describe('placing an address_string on the asset register', () => {
  it('finds a place by its name alone, or after its own areas from general to specific', () => {
    expect(codes('富府新村7巷6号')).toEqual([NANSHAN.code]);
    expect(codes('南山区富府新村7巷6号')).toEqual([NANSHAN.code]);
    expect(codes('广东省深圳市南山区南山街道南山社区富府新村7巷6号')).toEqual([NANSHAN.code]);
    expect(codes('中国广东省深圳市南山区南山街道富府新村7巷6号')).toEqual([NANSHAN.code]);
    // Short area names, and a street spelled like the district it follows or stands without.
    expect(codes('深圳南山南山街道富府新村7巷6号')).toEqual([NANSHAN.code]);
    expect(codes('南山街道富府新村7巷6号')).toEqual([NANSHAN.code]);
    // Full-width digits and spaces as typed on a phone.
    expect(codes(' 南山区 富府新村７巷６号 ')).toEqual([NANSHAN.code]);
  });

  it('reads the Open311 order, most specific first and separated, as well', () => {
    expect(codes('富府新村7巷6号, 南山街道, 南山区, 深圳市')).toEqual([NANSHAN.code]);
    expect(codes('光湾花园3栋，梅林街道，福田区')).toEqual([FUTIAN.code]);
  });

  it('names every place the address may mean, so an ambiguous one can be refused', () => {
    expect(codes('光湾花园3栋')).toEqual([FUTIAN.code, FUTIAN_2.code, LUOHU.code]);
    expect(codes('福田区光湾花园3栋')).toEqual([FUTIAN.code, FUTIAN_2.code]);
    expect(codes('福田区梅林街道光湾花园3栋')).toEqual([FUTIAN.code]);
    expect(codes('罗湖区光湾花园3栋')).toEqual([LUOHU.code]);
  });

  it('refuses words that are not the place’s own areas, and addresses that only name an area', () => {
    expect(codes('罗湖区梅林街道光湾花园3栋')).toEqual([]);
    expect(codes('福田区某某路光湾花园3栋')).toEqual([]);
    expect(codes('光湾花园3栋旁边')).toEqual([]);
    expect(codes('福田区梅林街道')).toEqual([]);
    expect(codes('   ')).toEqual([]);
  });

  it('looks up every tail of at least two characters, of both readings', () => {
    expect(addressForms('6号, 7巷')).toEqual(['6号7巷', '7巷6号']);
    expect(addressTails(['福田区3栋'])).toEqual(['福田区3栋', '田区3栋', '区3栋', '3栋']);
    expect(addressTails(['长'.repeat(300)]).every((t) => t.length <= 100)).toBe(true);
  });
});
