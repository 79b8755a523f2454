import { describe, expect, it } from 'vitest';
import { buildAnswerVocabulary, metricForms, regionForms } from '../../../src/domain/search/answer-vocabulary.ts';
import { directAnswers, splitQuery, suggestions } from '../../../src/domain/search/answers.ts';

const abbreviations = [
  ['低保', '最低生活保障'],
  ['特困', '特困人员救助供养', '特困供养'],
];

const vocabulary = buildAnswerVocabulary({
  regions: [
    { name: '湖南省', url: '/regions/hunan/' },
    { name: '资兴市', url: '/regions/hunan/chenzhou/zixing/', detail: '湖南省 郴州市' },
    { name: '普陀区', url: '/regions/shanghai/shanghai/putuo/', detail: '上海市' },
    { name: '普陀区', url: '/regions/zhejiang/zhoushan/putuo/', detail: '浙江省 舟山市' },
    { name: '广西壮族自治区', url: '/regions/guangxi/' },
  ],
  metrics: [
    { name: '城市最低生活保障标准', shortName: '城市低保标准', url: '/metrics/dibao-urban/' },
    { name: '农村最低生活保障标准', shortName: '农村低保标准', url: '/metrics/dibao-rural/' },
    { name: '养老床位总数', shortName: '养老床位', url: '/metrics/elderly-beds/' },
  ],
  topics: [{ name: '社会救助', url: '/topics/social-assistance/' }],
  abbreviations,
});

const urls = (query: string) => directAnswers(query, vocabulary).map((answer) => answer.term.url);

describe('region and metric forms', () => {
  it('drops the suffix a name loses in speech, keeping a stem of two characters', () => {
    expect(regionForms('资兴市')).toEqual(['资兴市', '资兴']);
    expect(regionForms('黔东南苗族侗族自治州')).toEqual(['黔东南苗族侗族自治州', '黔东南']);
    expect(regionForms('新疆维吾尔自治区')).toEqual(['新疆维吾尔自治区', '新疆']);
    expect(regionForms('长阳土家族自治县')).toEqual(['长阳土家族自治县', '长阳']);
    expect(regionForms('神农架林区')).toEqual(['神农架林区', '神农架']);
    expect(regionForms('沙县')).toEqual(['沙县']);
  });

  it('writes a metric with each abbreviation swapped for its other forms', () => {
    expect(metricForms('城市最低生活保障标准', '城市低保标准', abbreviations)).toEqual(['城市最低生活保障标准', '城市低保标准']);
    expect(metricForms('农村特困人员基本生活标准', '农村特困供养标准', abbreviations)).toEqual(['农村特困人员基本生活标准', '农村特困供养标准', '农村特困标准', '农村特困人员救助供养标准']);
  });
});

describe('direct answers', () => {
  it('answers a place by its short name, and both places that share it', () => {
    expect(urls('资兴')).toEqual(['/regions/hunan/chenzhou/zixing/']);
    expect(urls('普陀')).toEqual(['/regions/shanghai/shanghai/putuo/', '/regions/zhejiang/zhoushan/putuo/']);
    expect(urls('广西')).toEqual(['/regions/guangxi/']);
  });

  it('answers a metric the query names, is part of, or writes in full', () => {
    expect(urls('城市低保')).toEqual(['/metrics/dibao-urban/']);
    expect(urls('低保标准')).toEqual(['/metrics/dibao-urban/', '/metrics/dibao-rural/']);
    expect(urls('城市最低生活保障标准')).toEqual(['/metrics/dibao-urban/']);
  });

  it('answers every page a longer query names, the exact one first', () => {
    expect(urls('资兴市城市低保标准')).toEqual(['/metrics/dibao-urban/', '/regions/hunan/chenzhou/zixing/']);
    expect(directAnswers('资兴', vocabulary)[0]?.match).toBe('equals');
  });

  it('answers nothing for one character or a query no name holds', () => {
    expect(urls('资')).toEqual([]);
    expect(urls('殡葬改革')).toEqual([]);
  });
});

describe('splitting a query no document contains', () => {
  it('cuts it at the names it is made of', () => {
    expect(splitQuery('资兴低保标准', vocabulary)).toEqual(['资兴', '低保标准']);
    expect(splitQuery('普陀区养老床位', vocabulary)).toEqual(['普陀区', '养老床位']);
  });

  it('keeps one word of the reader’s own as a part', () => {
    expect(splitQuery('资兴敬老院', vocabulary)).toEqual(['资兴', '敬老院']);
  });

  it('does not split one name, a short query or one with no known part', () => {
    expect(splitQuery('城市低保标准', vocabulary)).toBeUndefined();
    expect(splitQuery('资兴', vocabulary)).toBeUndefined();
    expect(splitQuery('殡葬改革工作', vocabulary)).toBeUndefined();
  });
});

describe('suggestions', () => {
  it('reads pinyin however it is typed: full, spaced, with tone marks or digits, or initials', () => {
    expect(suggestions('dibao', vocabulary)[0]).toBe('低保');
    expect(suggestions('yang lao chuang wei', vocabulary)).toEqual(['养老床位']);
    expect(suggestions('dī bǎo', vocabulary)[0]).toBe('低保');
    expect(suggestions('di1bao3', vocabulary)[0]).toBe('低保');
    expect(suggestions('dbbz', vocabulary)).toEqual(['低保标准']);
    expect(suggestions('zixing', vocabulary)).toEqual(['资兴']);
  });

  it('corrects one wrong character against a word of the same length', () => {
    expect(suggestions('低报', vocabulary)).toContain('低保');
    expect(suggestions('养老床味', vocabulary)).toEqual(['养老床位']);
    expect(suggestions('城市低报标准', vocabulary)).toEqual(['城市低保标准']);
  });

  it('suggests nothing for a word the vocabulary has, or Latin that is no word of it', () => {
    expect(suggestions('低保', vocabulary)).toEqual([]);
    expect(suggestions('xyz', vocabulary)).toEqual([]);
    expect(suggestions('殡葬改革', vocabulary)).toEqual([]);
  });
});
