/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Chinese name tables: legal forms, generic descriptors with their English equivalents, word-level
 * pinyin for place names and polyphones (per-character transliteration gives 长沙 "zhang sha"), and
 * brands that are not pinyin. Brand sources are the companies' own sites (English and Chinese names
 * as they publish them). Keep entries in Simplified Chinese: input is folded to Simplified first.
 */
#include "screen_int.h"

#include <string.h>

static const tg__zh_term terms[] = {
	/* legal forms */
	{"股份有限公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"有限责任公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"集团有限公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"有限公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"股份公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"公司", "", TG_ZH_LEGAL, "PRC Company Law"},
	{"集团", "", TG_ZH_LEGAL, "group (enterprise group), treated as a legal form"},
	/* descriptors */
	{"科技", "technology", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"技术", "technology", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"信息", "information", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"微电子", "microelectronics", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"电子", "electronic", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"半导体", "semiconductor", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"集成电路", "integrated circuit", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"人工智能", "artificial intelligence", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"通信", "communication", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"通讯", "communication", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"网络", "network", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"软件", "software", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"数字", "digital", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"智能", "intelligent", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"计算机", "computer", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"国际", "international", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"贸易", "trading", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"进出口", "import export", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"研究所", "research institute", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"研究院", "research institute", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"大学", "university", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"工业", "industry", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"控股", "holdings", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"航空", "aviation", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"航天", "aerospace", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"仪器", "instrument", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"设备", "equipment", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"材料", "materials", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"光电", "optoelectronic", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"工程", "engineering", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"物理", "physics", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"科学院", "academy of sciences", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"中国", "china", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	/* places (word-level readings; 市 = city, dropped with the name) */
	{"北京", "beijing", TG_ZH_PLACE, "GB/T 2260"},
	{"上海", "shanghai", TG_ZH_PLACE, "GB/T 2260"},
	{"深圳", "shenzhen", TG_ZH_PLACE, "GB/T 2260"},
	{"广州", "guangzhou", TG_ZH_PLACE, "GB/T 2260"},
	{"长沙", "changsha", TG_ZH_PLACE, "GB/T 2260"},
	{"长春", "changchun", TG_ZH_PLACE, "GB/T 2260"},
	{"重庆", "chongqing", TG_ZH_PLACE, "GB/T 2260"},
	{"厦门", "xiamen", TG_ZH_PLACE, "GB/T 2260"},
	{"成都", "chengdu", TG_ZH_PLACE, "GB/T 2260"},
	{"天津", "tianjin", TG_ZH_PLACE, "GB/T 2260"},
	{"武汉", "wuhan", TG_ZH_PLACE, "GB/T 2260"},
	{"南京", "nanjing", TG_ZH_PLACE, "GB/T 2260"},
	{"杭州", "hangzhou", TG_ZH_PLACE, "GB/T 2260"},
	{"西安", "xian", TG_ZH_PLACE, "GB/T 2260"},
	{"合肥", "hefei", TG_ZH_PLACE, "GB/T 2260"},
	{"苏州", "suzhou", TG_ZH_PLACE, "GB/T 2260"},
	{"无锡", "wuxi", TG_ZH_PLACE, "GB/T 2260"},
	{"珠海", "zhuhai", TG_ZH_PLACE, "GB/T 2260"},
	{"东莞", "dongguan", TG_ZH_PLACE, "GB/T 2260"},
	{"青岛", "qingdao", TG_ZH_PLACE, "GB/T 2260"},
	{"大连", "dalian", TG_ZH_PLACE, "GB/T 2260"},
	{"沈阳", "shenyang", TG_ZH_PLACE, "GB/T 2260"},
	{"哈尔滨", "harbin", TG_ZH_PLACE, "GB/T 2260"},
	{"绵阳", "mianyang", TG_ZH_PLACE, "GB/T 2260"},
	{"香港", "hong kong", TG_ZH_PLACE, "GB/T 2260"},
	{"澳门", "macau", TG_ZH_PLACE, "GB/T 2260"},
	{"长江", "changjiang", TG_ZH_WORD, "CC-CEDICT"},
	{"长城", "changcheng", TG_ZH_WORD, "CC-CEDICT"},
	{"银行", "bank", TG_ZH_DESCRIPTOR, "CC-CEDICT"},
	{"存储", "cunchu", TG_ZH_WORD, "CC-CEDICT"},
	/* brands (not pinyin) */
	{"华为", "huawei", TG_ZH_BRAND, "https://www.huawei.com (华为技术有限公司)"},
	{"海思", "hisilicon", TG_ZH_BRAND, "https://www.hisilicon.com (海思半导体)"},
	{"大疆", "dji", TG_ZH_BRAND, "https://www.dji.com (深圳市大疆创新科技有限公司)"},
	{"海康威视", "hikvision", TG_ZH_BRAND, "https://www.hikvision.com (杭州海康威视数字技术股份有限公司)"},
	{"中芯国际", "smic", TG_ZH_BRAND, "https://www.smics.com (中芯国际集成电路制造有限公司)"},
	{"浪潮", "inspur", TG_ZH_BRAND, "https://www.inspur.com (浪潮集团)"},
	{"中兴", "zte", TG_ZH_BRAND, "https://www.zte.com.cn (中兴通讯股份有限公司)"},
	{"大华", "dahua", TG_ZH_BRAND, "https://www.dahuasecurity.com (浙江大华技术股份有限公司)"},
	{"中科曙光", "sugon", TG_ZH_BRAND, "https://www.sugon.com (曙光信息产业股份有限公司)"},
	{"曙光", "sugon", TG_ZH_BRAND, "https://www.sugon.com"},
	{"飞腾", "phytium", TG_ZH_BRAND, "https://www.phytium.com.cn (飞腾信息技术有限公司)"},
	{"长江存储", "ymtc", TG_ZH_BRAND, "https://www.ymtc.com (长江存储科技有限责任公司)"},
	{"寒武纪", "cambricon", TG_ZH_BRAND, "https://www.cambricon.com (中科寒武纪科技股份有限公司)"},
	{"商汤", "sensetime", TG_ZH_BRAND, "https://www.sensetime.com (商汤科技)"},
	{"旷视", "megvii", TG_ZH_BRAND, "https://www.megvii.com (旷视科技)"},
	{"依图", "yitu", TG_ZH_BRAND, "https://www.yitutech.com (依图科技)"},
	{"科大讯飞", "iflytek", TG_ZH_BRAND, "https://www.iflytek.com (科大讯飞股份有限公司)"},
	{"云从", "cloudwalk", TG_ZH_BRAND, "https://www.cloudwalk.com (云从科技)"},
	{"比特大陆", "bitmain", TG_ZH_BRAND, "https://www.bitmain.com (比特大陆)"},
	{"壁仞", "biren", TG_ZH_BRAND, "https://www.birentech.com (上海壁仞智能科技有限公司)"},
	{"摩尔线程", "moore threads", TG_ZH_BRAND, "https://www.mthreads.com (摩尔线程智能科技)"},
	{"燧原", "enflame", TG_ZH_BRAND, "https://www.enflame-tech.com (上海燧原科技有限公司)"},
	{"长鑫", "cxmt", TG_ZH_BRAND, "https://www.cxmt.com (长鑫存储技术有限公司)"},
	{"北方华创", "naura", TG_ZH_BRAND, "https://www.naura.com (北方华创科技集团股份有限公司)"},
	{"中微", "amec", TG_ZH_BRAND, "https://www.amec-inc.com (中微半导体设备(上海)股份有限公司)"},
	{"展锐", "unisoc", TG_ZH_BRAND, "https://www.unisoc.com (紫光展锐)"},
	{"紫光", "unigroup", TG_ZH_BRAND, "https://www.unigroup.com.cn (紫光集团)"},
	{"中国电子科技", "cetc", TG_ZH_BRAND, "https://www.cetc.com.cn (中国电子科技集团有限公司)"},
	{"北方工业", "norinco", TG_ZH_BRAND, "https://www.norinco.cn (中国北方工业有限公司)"},
	{"国防科技大学", "national university of defense technology", TG_ZH_BRAND, "https://www.nudt.edu.cn"},
	{"中国工程物理研究院", "china academy of engineering physics", TG_ZH_BRAND, "https://www.caep.cn"},
	{"哈尔滨工业大学", "harbin institute of technology", TG_ZH_BRAND, "https://www.hit.edu.cn"},
	{"西北工业大学", "northwestern polytechnical university", TG_ZH_BRAND, "https://www.nwpu.edu.cn"},
	{"北京航空航天大学", "beihang university", TG_ZH_BRAND, "https://www.buaa.edu.cn"},
	{"中国科学院", "chinese academy of sciences", TG_ZH_BRAND, "https://www.cas.cn"},
	{"腾讯", "tencent", TG_ZH_BRAND, "https://www.tencent.com (腾讯)"},
	{"阿里巴巴", "alibaba", TG_ZH_BRAND, "https://www.alibabagroup.com (阿里巴巴)"},
	{"百度", "baidu", TG_ZH_BRAND, "https://www.baidu.com (百度)"},
	{"字节跳动", "bytedance", TG_ZH_BRAND, "https://www.bytedance.com (字节跳动)"},
	{"联想", "lenovo", TG_ZH_BRAND, "https://www.lenovo.com (联想集团)"},
};

const tg__zh_term *tg__zh_match(const char *s, size_t n)
{
	const tg__zh_term *best = NULL;
	size_t i, bl = 0;
	for (i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
		size_t l = strlen(terms[i].zh);
		if (l > bl && l <= n && memcmp(s, terms[i].zh, l) == 0)
			best = &terms[i], bl = l;
	}
	return best;
}

int tg__zh_is_place(const char *tok, size_t n)
{
	size_t i;
	for (i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		if (terms[i].kind == TG_ZH_PLACE && strlen(terms[i].out) == n && memcmp(terms[i].out, tok, n) == 0)
			return 1;
	return 0;
}
