/* SPDX-License-Identifier: Apache-2.0 */
/* Country names as written in the lists (English in OFAC's add.csv, Korean in the KAIST
 * compilation) to ISO 3166-1 alpha-2 codes. Covers the countries that occur in those files. */
#include "lists.h"

#include <ctype.h>
#include <string.h>

static const struct {
	const char *iso, *en, *ko;
} countries[] = {
	{"CN", "China", "중국"},
	{"HK", "Hong Kong", "홍콩"},
	{"RU", "Russia", "러시아"},
	{"IR", "Iran", "이란"},
	{"PK", "Pakistan", "파키스탄"},
	{"AE", "United Arab Emirates", "아랍에미리트"},
	{"KP", "Korea, North", "북한"},
	{"TR", "Turkey", "튀르키예"},
	{"MY", "Malaysia", "말레이시아"},
	{"BY", "Belarus", "벨라루스"},
	{"GB", "United Kingdom", "영국"},
	{"SY", "Syria", "시리아"},
	{"UA", "Ukraine", "우크라이나"},
	{"SG", "Singapore", "싱가포르"},
	{"DE", "Germany", "독일"},
	{"AF", "Afghanistan", "아프가니스탄"},
	{"CA", "Canada", "캐나다"},
	{"LB", "Lebanon", "레바논"},
	{"MM", "Burma", "미얀마"},
	{"TW", "Taiwan", "대만"},
	{"IN", "India", "인도"},
	{"FI", "Finland", "핀란드"},
	{"SS", "South Sudan", "남수단"},
	{"ZA", "South Africa", "남아프리카공화국"},
	{"IL", "Israel", "이스라엘"},
	{"FR", "France", "프랑스"},
	{"AM", "Armenia", "아르메니아"},
	{"TH", "Thailand", "태국"},
	{"CY", "Cyprus", "키프로스"},
	{"CH", "Switzerland", "스위스"},
	{"BG", "Bulgaria", "불가리아"},
	{"EG", "Egypt", "이집트"},
	{"KR", "Korea, South", "한국"},
	{"EE", "Estonia", "에스토니아"},
	{"IE", "Ireland", "아일랜드"},
	{"OM", "Oman", "오만"},
	{"NL", "Netherlands", "네덜란드"},
	{"JP", "Japan", "일본"},
	{"BE", "Belgium", "벨기에"},
	{"GR", "Greece", "그리스"},
	{"UZ", "Uzbekistan", "우즈베키스탄"},
	{"KZ", "Kazakhstan", "카자흐스탄"},
	{"MT", "Malta", "몰타"},
	{"GE", "Georgia", "조지아"},
	{"BR", "Brazil", "브라질"},
	{"MX", "Mexico", "멕시코"},
	{"IT", "Italy", "이탈리아"},
	{"KG", "Kyrgyzstan", "키르기스스탄"},
	{"YE", "Yemen", "예멘"},
	{"ES", "Spain", "스페인"},
	{"US", "United States", "미국"},
	{"CU", "Cuba", "쿠바"},
	{"IQ", "Iraq", "이라크"},
	{"VE", "Venezuela", "베네수엘라"},
	{"CO", "Colombia", "콜롬비아"},
	{"LY", "Libya", "리비아"},
	{"SD", "Sudan", "수단"},
	{"SO", "Somalia", "소말리아"},
	{"ZW", "Zimbabwe", "짐바브웨"},
	{"NI", "Nicaragua", "니카라과"},
	{"PA", "Panama", "파나마"},
	{"SA", "Saudi Arabia", "사우디아라비아"},
	{"QA", "Qatar", "카타르"},
	{"KW", "Kuwait", "쿠웨이트"},
	{"BH", "Bahrain", "바레인"},
	{"JO", "Jordan", "요르단"},
	{"PS", "West Bank", "팔레스타인"},
	{"AZ", "Azerbaijan", "아제르바이잔"},
	{"TJ", "Tajikistan", "타지키스탄"},
	{"TM", "Turkmenistan", "투르크메니스탄"},
	{"MN", "Mongolia", "몽골"},
	{"VN", "Vietnam", "베트남"},
	{"ID", "Indonesia", "인도네시아"},
	{"PH", "Philippines", "필리핀"},
	{"LK", "Sri Lanka", "스리랑카"},
	{"BD", "Bangladesh", "방글라데시"},
	{"NP", "Nepal", "네팔"},
	{"AU", "Australia", "호주"},
	{"NZ", "New Zealand", "뉴질랜드"},
	{"SE", "Sweden", "스웨덴"},
	{"NO", "Norway", "노르웨이"},
	{"DK", "Denmark", "덴마크"},
	{"PL", "Poland", "폴란드"},
	{"CZ", "Czech Republic", "체코"},
	{"SK", "Slovakia", "슬로바키아"},
	{"HU", "Hungary", "헝가리"},
	{"RO", "Romania", "루마니아"},
	{"RS", "Serbia", "세르비아"},
	{"LV", "Latvia", "라트비아"},
	{"LT", "Lithuania", "리투아니아"},
	{"MD", "Moldova", "몰도바"},
	{"AT", "Austria", "오스트리아"},
	{"LU", "Luxembourg", "룩셈부르크"},
	{"PT", "Portugal", "포르투갈"},
	{"SI", "Slovenia", "슬로베니아"},
	{"HR", "Croatia", "크로아티아"},
	{"BA", "Bosnia and Herzegovina", "보스니아 헤르체고비나"},
	{"MK", "North Macedonia", "북마케도니아"},
	{"AL", "Albania", "알바니아"},
	{"AR", "Argentina", "아르헨티나"},
	{"CL", "Chile", "칠레"},
	{"PE", "Peru", "페루"},
	{"EC", "Ecuador", "에콰도르"},
	{"BO", "Bolivia", "볼리비아"},
	{"NG", "Nigeria", "나이지리아"},
	{"KE", "Kenya", "케냐"},
	{"ET", "Ethiopia", "에티오피아"},
	{"ER", "Eritrea", "에리트레아"},
	{"ML", "Mali", "말리"},
	{"CD", "Congo, Democratic Republic of the", "콩고민주공화국"},
	{"CF", "Central African Republic", "중앙아프리카공화국"},
	{"TZ", "Tanzania", "탄자니아"},
	{"UG", "Uganda", "우간다"},
	{"DZ", "Algeria", "알제리"},
	{"MA", "Morocco", "모로코"},
	{"TN", "Tunisia", "튀니지"},
	{"MO", "Macau", "마카오"},
	{"KH", "Cambodia", "캄보디아"},
	{"LA", "Laos", "라오스"},
};

static int eq_ci(const char *a, size_t n, const char *b)
{
	size_t i;
	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

const char *tg__lists_country_iso(const char *name, size_t n)
{
	size_t i;
	while (n && isspace((unsigned char)*name))
		name++, n--;
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	for (i = 0; i < sizeof(countries) / sizeof(countries[0]); i++)
		if (eq_ci(name, n, countries[i].en) ||
		    (strlen(countries[i].ko) == n && memcmp(name, countries[i].ko, n) == 0))
			return countries[i].iso;
	return NULL;
}
