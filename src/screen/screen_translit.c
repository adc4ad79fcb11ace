/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Unicode stage of name normalisation (ICU): NFKC + case folding (unorm2 NFKC_Casefold), Traditional
 * to Simplified Chinese, Chinese table terms (legal forms dropped, descriptors in English, word-level
 * pinyin for places and polyphones, brands), then "Any-Latin; Latin-ASCII" for every other script
 * (Cyrillic by BGN/PCGN, as the lists romanise it; diacritics removed). ICU transliterators are not safe for concurrent use, so their calls are
 * serialised by a mutex; pure-ASCII names (most list names and queries) never reach this file.
 * OpenCC would give phrase-level Traditional/Simplified conversion; ICU's per-character mapping is
 * enough for names once the table terms are applied, so the dependency is not taken.
 */
#include "screen_norm.h"

#include <pthread.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include "screen_int.h"

#define UMAX 1024

static pthread_once_t once = PTHREAD_ONCE_INIT;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static const UNormalizer2 *nfkc_cf;
static UTransliterator *t2s, *to_latin;

static UTransliterator *open_trans(const char *id)
{
	UChar uid[64];
	UErrorCode e = U_ZERO_ERROR;
	UTransliterator *t;
	u_charsToUChars(id, uid, (int32_t)strlen(id) + 1);
	t = utrans_openU(uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
	return U_FAILURE(e) ? NULL : t;
}

static void translit_len(UTransliterator *t, UChar *u, int32_t *len, int32_t cap);
static void latin_fill(void);

static void init(void)
{
	UErrorCode e = U_ZERO_ERROR;
	nfkc_cf = unorm2_getNFKCCasefoldInstance(&e);
	if (U_FAILURE(e))
		nfkc_cf = NULL;
	t2s = open_trans("Traditional-Simplified");
	to_latin = open_trans("Russian-Latin/BGN; Any-Latin; Latin-ASCII");
	if (to_latin == NULL)
		to_latin = open_trans("Any-Latin; Latin-ASCII");
	latin_fill();
}

/* Latin letters with diacritics (U+0080..U+024F), each as the full pipeline below turns it into
 * ASCII, computed once with ICU: names in ASCII plus these (Leão, Müller, Łukasz) skip ICU. */
#define LATIN_FIRST 0x80
#define LATIN_END 0x250
static char latin_map[LATIN_END - LATIN_FIRST][6]; /* "" = not foldable on its own: use ICU */

static void latin_fill(void)
{
	UChar c[2], u[16];
	char a[64];
	int32_t cp, len, alen, i;
	for (cp = LATIN_FIRST; cp < LATIN_END; cp++) {
		UErrorCode e = U_ZERO_ERROR;
		int ok = 1;
		c[0] = (UChar)cp, c[1] = 0;
		len = nfkc_cf ? unorm2_normalize(nfkc_cf, c, 1, u, 16, &e) : 0;
		if (U_FAILURE(e) || len <= 0 || len >= 16 || to_latin == NULL)
			continue;
		translit_len(to_latin, u, &len, 16);
		u_strToUTF8(a, (int32_t)sizeof(a), &alen, u, len, &e);
		for (i = 0; i < alen; i++)
			ok &= (unsigned char)a[i] < 0x80;
		if (U_SUCCESS(e) && ok && alen < 6)
			memcpy(latin_map[cp - LATIN_FIRST], a, (size_t)alen), latin_map[cp - LATIN_FIRST][alen] = '\0';
		if (alen == 0) /* a mark that folds to nothing: leave it to ICU in context */
			latin_map[cp - LATIN_FIRST][0] = '\0';
	}
}

/* ASCII and foldable Latin letters only: fold into out (ASCII); 0 when another character is met. */
static int latin_fold(char *out, size_t cap, const char *in)
{
	size_t m = 0;
	const unsigned char *p = (const unsigned char *)in;
	while (*p) {
		const char *r;
		unsigned cp;
		if (*p < 0x80) {
			if (m + 1 >= cap)
				return 0;
			out[m++] = (char)*p++;
			continue;
		}
		if ((*p & 0xE0) != 0xC0 || (p[1] & 0xC0) != 0x80)
			return 0;
		cp = ((unsigned)(p[0] & 0x1F) << 6) | (unsigned)(p[1] & 0x3F);
		if (cp < LATIN_FIRST || cp >= LATIN_END || !latin_map[cp - LATIN_FIRST][0])
			return 0;
		r = latin_map[cp - LATIN_FIRST];
		if (m + strlen(r) + 1 >= cap)
			return 0;
		memcpy(out + m, r, strlen(r)), m += strlen(r), p += 2;
	}
	out[m] = '\0';
	return 1;
}

static int is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Run a transliterator over u[0..*len) in place (capacity cap), under the mutex. */
static void translit_len(UTransliterator *t, UChar *u, int32_t *len, int32_t cap)
{
	UErrorCode e = U_ZERO_ERROR;
	int32_t limit = *len, before = *len;
	if (t == NULL)
		return;
	pthread_mutex_lock(&mu);
	utrans_transUChars(t, u, len, cap, 0, &limit, &e);
	pthread_mutex_unlock(&mu);
	if (U_FAILURE(e))
		*len = before < cap ? before : cap - 1;
}

static void translit(UTransliterator *t, UChar *u, int32_t *len)
{
	translit_len(t, u, len, UMAX);
}

/* Replace Chinese table terms in UTF-8 in[0..n) into out (ASCII words surrounded by spaces). */
static size_t zh_terms(char *out, size_t cap, const char *in, size_t n)
{
	size_t i = 0, m = 0;
	while (i < n && m + 1 < cap) {
		const tg__zh_term *t = (unsigned char)in[i] >= 0xE3 ? tg__zh_match(in + i, n - i) : NULL;
		if (t == NULL) {
			out[m++] = in[i++];
			continue;
		}
		i += strlen(t->zh);
		if (t->kind == TG_ZH_PLACE && n - i >= 3 &&
		    (memcmp(in + i, "市", 3) == 0 || memcmp(in + i, "省", 3) == 0))
			i += 3;
		if (m + strlen(t->out) + 3 < cap) {
			out[m++] = ' ';
			memcpy(out + m, t->out, strlen(t->out));
			m += strlen(t->out);
			out[m++] = ' ';
		}
	}
	out[m] = '\0';
	return m;
}

size_t tg__screen_norm(char *out, size_t cap, const char *in)
{
	UChar u[UMAX], v[UMAX];
	char a[UMAX * 3], b[UMAX * 3];
	int32_t len = 0, alen = 0;
	UErrorCode e = U_ZERO_ERROR;
	size_t blen;

	if (is_ascii(in))
		return tg__screen_norm_ascii(out, cap, in, strlen(in));
	pthread_once(&once, init);
	if (latin_fold(a, sizeof(a), in))
		return tg__screen_norm_ascii(out, cap, a, strlen(a));
	u_strFromUTF8WithSub(u, UMAX, &len, in, -1, 0xFFFD, NULL, &e);
	if (U_FAILURE(e) || len >= UMAX)
		return tg__screen_norm_ascii(out, cap, in, strlen(in));
	if (nfkc_cf) {
		int32_t l2 = unorm2_normalize(nfkc_cf, u, len, v, UMAX, &e);
		if (U_SUCCESS(e) && l2 < UMAX)
			memcpy(u, v, (size_t)l2 * sizeof(UChar)), len = l2;
		e = U_ZERO_ERROR;
	}
	translit(t2s, u, &len);
	u_strToUTF8(a, (int32_t)sizeof(a), &alen, u, len, &e);
	if (U_FAILURE(e))
		return tg__screen_norm_ascii(out, cap, in, strlen(in));
	blen = zh_terms(b, sizeof(b), a, (size_t)alen);
	e = U_ZERO_ERROR;
	u_strFromUTF8WithSub(u, UMAX, &len, b, (int32_t)blen, 0xFFFD, NULL, &e);
	if (U_FAILURE(e) || len >= UMAX)
		return tg__screen_norm_ascii(out, cap, b, blen);
	translit(to_latin, u, &len);
	u_strToUTF8(a, (int32_t)sizeof(a), &alen, u, len, &e);
	if (U_FAILURE(e))
		return tg__screen_norm_ascii(out, cap, b, blen);
	return tg__screen_norm_ascii(out, cap, a, (size_t)alen);
}

void tg__name_norm(char out[512], const char *name)
{
	if (tg__screen_norm(out, 512, name ? name : "") == 0)
		out[0] = '\0';
}
