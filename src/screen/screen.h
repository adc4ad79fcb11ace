/* SPDX-License-Identifier: Apache-2.0 */
/* The screening module's interface for the rest of the library.
 *
 * Name normalisation for screening. A name becomes a sequence of lower-case ASCII tokens separated by
 * single spaces: Unicode folded (NFKC + case folding), other scripts transliterated to Latin, Chinese
 * folded to Simplified and read as pinyin by word, diacritics removed, punctuation dropped
 * (initialisms joined: "S.A." -> "sa"), legal forms removed ("Co., Ltd.", "GmbH", "Sdn. Bhd.",
 * "有限公司"). Thread-safe.
 */
#ifndef TG_SCREEN_SCREEN_H
#define TG_SCREEN_SCREEN_H

#include <stddef.h>
#include <stdint.h>
#include "tg/store.h"

#define TG_SCREEN_NORM_MAX 512 /* normalised names are cut at this many bytes */

/* Normalise the ASCII (or already transliterated) text in[0..n) into out (cap bytes incl. NUL).
 * Returns the length written (0 when nothing is left). */
size_t tg__screen_norm_ascii(char *out, size_t cap, const char *in, size_t n);

/* Full normalisation of a UTF-8 name (any script) into out; returns the length. */
size_t tg__screen_norm(char *out, size_t cap, const char *in);

/* Is tok (len n) a legal-form token ("ltd", "gmbh", ...)? 2 = strong (removed anywhere), 1 = weak
 * (removed only at either end of a name: "co", "sa", "ag"...), 0 = no. */
int tg__screen_legal_form(const char *tok, size_t n);

/* Normalised party / exporter name for comparisons (tg__screen_norm into 512 bytes; "" when it
 * normalises to nothing). The custody and ledger modules key their rows by it. */
void tg__name_norm(char out[512], const char *name);

/* Schema steps (screen_store.c), listed in order by engine/engine_schema.c. */
extern const char tg__screen_schema_lists_2[];

/* What the screener is built from: v[0] the newest list snapshot id, v[1] the newest override id. */
int tg__screen_version(tg_store *st, int64_t v[2], tg_err *err);

#endif
